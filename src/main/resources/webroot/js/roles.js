// Role codes of the API (openapi x-roles) and how people at the base call them.
export const ROLE_LABELS = {
  manager: '基地管理员',
  streamer: '主播',
  brand_partner: '品牌方',
  ingest: '数据接入服务',
};

export const ROLES = Object.keys(ROLE_LABELS);

export function roleLabel(code) {
  return ROLE_LABELS[code] ?? code;
}
