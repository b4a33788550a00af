// A small seed folder (as parsed JSON) that validates clean, for specs to break one thing at a time.
// Each call returns fresh objects, so a spec can mutate its copy.

const source = 'sample source';

export function sampleSeedFiles(): Record<string, Record<string, unknown>> {
  return {
    'plan.json': {
      about: 'sample',
      plan: {
        planId: 'sample-plan',
        titleVi: 'Kế hoạch mẫu',
        titleEn: 'Sample plan',
        issuerVi: 'Ban Thường vụ Huyện ủy',
        issuerEn: 'District Party Standing Committee',
        orgUnit: 'D-1',
        implementsVi: ['Nghị quyết 42-NQ/TW'],
        documentNumber: null,
        adoptedOn: null,
        periodFrom: '2024-01-01',
        periodTo: '2030-12-31',
        reporting: ['annual'],
        reportingAgency: 'UBND-D-1',
        source,
        note: null,
      },
    },
    'org-units.json': {
      orgUnits: [
        orgUnit({ code: 'P-1', level: 'province', parent: null, planArea: 'overlaps' }),
        orgUnit({ code: 'D-1', level: 'district', parent: 'P-1' }),
        orgUnit({ code: 'C-1', level: 'commune', parent: 'D-1' }),
        orgUnit({ code: 'C-2', level: 'commune', parent: 'D-1' }),
        orgUnit({ code: 'N-1', level: 'commune', parent: 'P-1', validFrom: '2025-07-01', verified: false }),
      ],
      changes: [
        {
          changeId: 'CH-1',
          effectiveFrom: '2025-07-01',
          descriptionVi: 'Sáp nhập',
          descriptionEn: 'Merger',
          legalBasis: ['a resolution'],
          ends: ['D-1', 'C-1', 'C-2'],
          starts: ['N-1'],
          crosswalk: [
            { from: 'C-1', to: 'N-1', relation: 'whole' },
            { from: 'C-2', to: 'N-1', relation: 'whole' },
          ],
          source,
          verified: false,
        },
      ],
    },
    'agencies.json': {
      agencies: [
        agency({ code: 'UBND-D-1', orgUnit: 'D-1', kind: 'peoples_committee' }),
        agency({ code: 'LAB-D-1', orgUnit: 'D-1' }),
        agency({ code: 'SOC-N-1', orgUnit: 'N-1', validFrom: '2025-07-01' }),
      ],
      successions: [
        {
          predecessor: 'LAB-D-1',
          effectiveFrom: '2025-07-01',
          successors: [{ agency: 'SOC-N-1', orgUnits: ['C-1', 'C-2'] }],
          reason: 'district level abolished',
          source,
          verified: false,
        },
      ],
    },
    'indicators.json': {
      indicators: [
        {
          key: 'houses_built',
          version: 1,
          nameVi: 'Số căn nhà xây dựng',
          nameEn: 'Houses built',
          planText: 'Xây dựng được hơn 800 căn nhà ở',
          target: { comparison: '>', value: 800, deadline: '2030-12-31', planText: 'hơn 800 căn' },
          section: 'II.2',
          unit: 'houses',
          kind: 'count',
          aggregation: 'cumulative',
          contributions: [{ event: 'HousingConstructionCompleted', measure: 'count', part: 'value' }],
          responsibility: { lead: 'LAB-D-1', support: [], basis: 'by function', verified: false },
        },
        {
          key: 'floor_area_per_person',
          version: 1,
          nameVi: 'Diện tích nhà ở bình quân đầu người',
          nameEn: 'Floor area per person',
          planText: 'khoảng 15m2 sàn/người',
          target: { comparison: 'about', value: 15, deadline: '2030-12-31', planText: 'khoảng 15m2' },
          section: 'II.2',
          unit: 'm2 per person',
          kind: 'ratio',
          aggregation: 'cumulative',
          numerator: { descriptionVi: 'Diện tích', descriptionEn: 'Floor area', baseline: null },
          denominator: { descriptionVi: 'Dân số', descriptionEn: 'Population', baseline: 'population' },
          scale: 1,
          contributions: [
            {
              event: 'HousingConstructionCompleted',
              measure: 'sum',
              field: 'floorAreaM2',
              part: 'numerator',
            },
          ],
          responsibility: { lead: 'UBND-D-1', support: ['LAB-D-1'], basis: 'by function', verified: false },
        },
        {
          key: 'unemployment_rate',
          version: 1,
          nameVi: 'Tỉ lệ thất nghiệp',
          nameEn: 'Unemployment rate',
          planText: 'Tỉ lệ thất nghiệp dưới 3%',
          target: { comparison: '<', value: 3, deadline: '2030-12-31', planText: 'dưới 3%' },
          section: 'II.2',
          unit: '%',
          kind: 'measured',
          aggregation: 'latest',
          contributions: [{ event: 'MeasurementRecorded', measure: 'measurement' }],
          responsibility: { lead: 'LAB-D-1', basis: 'by function', verified: false },
        },
        {
          key: 'malaria_eliminated',
          version: 1,
          nameVi: 'Loại trừ sốt rét',
          nameEn: 'Malaria eliminated',
          planText: 'loại trừ sốt rét',
          target: { comparison: 'achieved', deadline: '2030-12-31', planText: 'loại trừ' },
          section: 'II.2',
          unit: 'milestone',
          kind: 'qualitative',
          aggregation: 'latest',
          contributions: [{ event: 'MeasurementRecorded', measure: 'measurement' }],
          responsibility: { lead: 'UBND-D-1', support: [], basis: 'by function', verified: false },
        },
        {
          key: 'jobs_placed',
          version: 1,
          nameVi: 'Số lao động được giới thiệu việc làm',
          nameEn: 'Workers placed in jobs',
          planText: 'tư vấn và giới thiệu việc làm',
          target: null,
          section: 'III.4',
          unit: 'persons',
          kind: 'count',
          aggregation: 'cumulative',
          contributions: [{ event: 'JobPlaced', measure: 'count', part: 'value' }],
          responsibility: { lead: 'LAB-D-1', support: [], basis: 'by function', verified: false },
        },
      ],
    },
    'baselines.json': {
      baselines: [
        {
          key: 'population',
          nameVi: 'Dân số',
          nameEn: 'Population',
          unit: 'persons',
          asOf: '2023',
          illustrative: true,
          source: 'illustrative: not an official statistic',
          note: 'round numbers',
          values: { 'C-1': 3000, 'C-2': 2000 },
        },
      ],
    },
  };
}

function orgUnit(over: Record<string, unknown>): Record<string, unknown> {
  return {
    codeKind: 'local',
    officialCode: null,
    reportedOfficialCode: null,
    nameVi: `đơn vị ${String(over.code)}`,
    nameEn: `unit ${String(over.code)}`,
    validFrom: null,
    planArea: 'within',
    note: null,
    source,
    verified: true,
    ...over,
  };
}

function agency(over: Record<string, unknown>): Record<string, unknown> {
  return {
    nameVi: `cơ quan ${String(over.code)}`,
    nameEn: `agency ${String(over.code)}`,
    kind: 'specialised_office',
    validFrom: null,
    note: null,
    source,
    verified: false,
    ...over,
  };
}

/** A seed file's list, typed loosely so specs can poke at entries. */
export function list(
  files: Record<string, Record<string, unknown>>,
  file: string,
  name: string,
): Array<Record<string, unknown>> {
  return files[file][name] as Array<Record<string, unknown>>;
}
