// A signed-in officer in words: name, agency (by its name once the agencies are read) and roles.
import { agencyName } from './directory.js';
import { t } from './i18n.js';

export const roleName = (role) => t(`role_${role}`);

/** "Nguyễn Văn A (can-bo-01) · Phòng Văn hóa – Xã hội … · cán bộ, lãnh đạo phòng" */
export function describeOfficer(officer, agencyList = []) {
  const name = officer.displayName ? `${officer.displayName} (${officer.id})` : officer.id;
  const agency = agencyName(officer.agency, agencyList);
  const roles = (officer.roles || []).map(roleName).join(', ');
  return [name, agency, roles].filter(Boolean).join(' · ');
}
