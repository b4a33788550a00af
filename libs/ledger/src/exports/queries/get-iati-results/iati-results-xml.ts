// The plan's results as an IATI 2.03 activity file: `iati-activities` holding one `iati-activity` with a
// `result` per indicator (its `indicator` with baseline and yearly periods of target and actual), in the
// element order of the IATI 2.03 activity schema. Vietnamese is the activity's language; English
// narratives carry xml:lang="en".
import { xmlEscape } from '../get-dhis2-data-values/dhis2-formats';
import type { IatiIndicatorResult, IatiResults } from './get-iati-results.query';

const attrs = (pairs: Array<[string, string | null | undefined]>) =>
  pairs
    .filter((p): p is [string, string] => p[1] !== null && p[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlEscape(value)}"`)
    .join('');

function narratives(indent: string, vi: string | null, en: string | null): string[] {
  const out: string[] = [];
  if (vi) out.push(`${indent}<narrative>${xmlEscape(vi)}</narrative>`);
  if (en) out.push(`${indent}<narrative xml:lang="en">${xmlEscape(en)}</narrative>`);
  // The schema wants at least one narrative where a text is required.
  if (out.length === 0) out.push(`${indent}<narrative>-</narrative>`);
  return out;
}

function element(indent: string, name: string, attributes: string, children: string[]): string[] {
  if (children.length === 0) return [`${indent}<${name}${attributes}/>`];
  return [`${indent}<${name}${attributes}>`, ...children, `${indent}</${name}>`];
}

/** A comment in English, or in the activity's language (Vietnamese) when `vi`. */
function commentOf(indent: string, text: string | null, lang: 'en' | 'vi' = 'en'): string[] {
  if (!text) return [];
  const inner = lang === 'vi' ? narratives(`${indent}  `, text, null) : narratives(`${indent}  `, null, text);
  return element(indent, 'comment', '', inner);
}

function indicatorXml(i: IatiIndicatorResult, indent: string): string[] {
  const inner = `${indent}  `;
  const lines: string[] = [];
  lines.push(...element(inner, 'title', '', narratives(`${inner}  `, i.nameVi, i.nameEn)));
  const about = [i.section ? `section ${i.section} of the plan` : null, i.unit ? `unit: ${i.unit}` : null]
    .filter(Boolean)
    .join('; ');
  if (about) lines.push(...element(inner, 'description', '', narratives(`${inner}  `, null, about)));
  // IATI's IndicatorVocabulary 99: the reporting organisation's own indicator codes (our keys).
  lines.push(
    `${inner}<reference${attrs([
      ['vocabulary', '99'],
      ['code', i.key],
    ])}/>`,
  );
  lines.push(
    ...element(
      inner,
      'baseline',
      attrs([
        ['iso-date', i.baseline.isoDate],
        ['year', String(i.baseline.year)],
        ['value', i.baseline.value],
      ]),
      commentOf(`${inner}  `, 'the figure on the day before the plan began'),
    ),
  );
  for (const p of i.periods) {
    const pi = `${inner}  `;
    const children = [`${pi}<period-start iso-date="${p.start}"/>`, `${pi}<period-end iso-date="${p.end}"/>`];
    if (p.target)
      children.push(
        ...element(
          pi,
          'target',
          attrs([['value', p.target.value]]),
          commentOf(`${pi}  `, p.target.comment?.text ?? null, p.target.comment?.lang),
        ),
      );
    if (p.actual)
      children.push(
        ...element(
          pi,
          'actual',
          attrs([['value', p.actual.value]]),
          commentOf(`${pi}  `, `the figure on ${p.actual.asOf}`),
        ),
      );
    lines.push(...element(inner, 'period', '', children));
  }
  return element(
    indent,
    'indicator',
    attrs([
      ['measure', i.measure],
      ['ascending', i.ascending === null ? null : String(i.ascending)],
    ]),
    lines,
  );
}

/** The whole file; `generated` is the instant written as generated-datetime and last-updated-datetime. */
export function iatiResultsXml(results: IatiResults, generated: Date): string {
  const { activity, plan } = results;
  const at = generated.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const a = '    ';
  const body: string[] = [];
  body.push(`${a}<iati-identifier>${xmlEscape(activity.iatiIdentifier)}</iati-identifier>`);
  body.push(
    ...element(
      a,
      'reporting-org',
      attrs([
        ['ref', activity.reportingOrg.ref],
        ['type', activity.reportingOrg.type],
      ]),
      narratives(`${a}  `, activity.reportingOrg.nameVi, activity.reportingOrg.nameEn),
    ),
  );
  body.push(...element(a, 'title', '', narratives(`${a}  `, plan.titleVi, plan.titleEn)));
  body.push(
    ...element(
      a,
      'description',
      attrs([['type', '1']]),
      narratives(
        `${a}  `,
        `Kết quả thực hiện kế hoạch trên địa bàn ${plan.orgUnitNameVi}, ${plan.periodFrom} đến ${plan.periodTo}: số liệu từ sổ cái chính sách.`,
        `Results of the plan in ${plan.orgUnitNameEn}, ${plan.periodFrom} to ${plan.periodTo}: figures from the policy ledger.`,
      ),
    ),
  );
  for (const o of activity.participatingOrgs)
    body.push(
      ...element(
        a,
        'participating-org',
        attrs([
          ['ref', o.ref],
          ['type', o.type],
          ['role', o.role],
        ]),
        narratives(`${a}  `, o.nameVi, o.nameEn),
      ),
    );
  body.push(`${a}<activity-status code="${xmlEscape(activity.activityStatus)}"/>`);
  // IATI's ActivityDateType: 2 actual start, 3 planned end.
  body.push(`${a}<activity-date type="2" iso-date="${plan.periodFrom}"/>`);
  body.push(`${a}<activity-date type="3" iso-date="${plan.periodTo}"/>`);
  body.push(`${a}<recipient-country code="${xmlEscape(activity.recipientCountry)}" percentage="100"/>`);
  for (const i of results.indicators) {
    // IATI's ResultType: 2 outcome for the plan's targets (section II.2), 1 output for its tasks.
    const type = i.section === 'II.2' ? '2' : '1';
    body.push(
      ...element(a, 'result', attrs([['type', type]]), [
        ...element(`${a}  `, 'title', '', narratives(`${a}    `, i.nameVi, i.nameEn)),
        ...indicatorXml(i, `${a}  `),
      ]),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<iati-activities version="2.03" generated-datetime="${at}">`,
    `  <iati-activity xml:lang="vi" last-updated-datetime="${at}">`,
    ...body,
    '  </iati-activity>',
    '</iati-activities>',
    '',
  ].join('\n');
}
