// The OpenAPI schemas of the plan's public documents: org units and agencies, as their projections keep them.
import { bool, nullable, object, page, str } from '../http/response-schema';

export const ORG_UNIT_SCHEMA = object(
  {
    code: str('Code of the unit, e.g. KH-BAC-AI-DONG'),
    registered: bool('false while the unit is only named by a reorganisation'),
    nameVi: nullable(str()),
    nameEn: nullable(str()),
    level: nullable(str('province, district or commune')),
    parent: nullable(str()),
    validFrom: nullable(str('First day in force (YYYY-MM-DD)')),
    validTo: nullable(str('The first day it no longer exists; null while it exists')),
  },
  { open: true, description: 'An org unit with its validity dates, parent and crosswalk' },
);

export const AGENCY_SCHEMA = object(
  {
    code: str(),
    registered: bool(),
    nameVi: nullable(str()),
    nameEn: nullable(str()),
    orgUnit: nullable(str('The org unit it serves')),
    validFrom: nullable(str()),
    validTo: nullable(str('The day its duties passed to successors; null while it holds them')),
  },
  { open: true, description: 'An agency of the plan, with the successions of its duties' },
);

export const ORG_UNIT_PAGE_SCHEMA = page(ORG_UNIT_SCHEMA);
export const AGENCY_PAGE_SCHEMA = page(AGENCY_SCHEMA);
