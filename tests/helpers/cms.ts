export { startEphemeralCms as startCms, type EphemeralCms as TestCms } from '@erfarenhetsbanken/scripts/ephemeral-cms';
import type { EphemeralCms } from '@erfarenhetsbanken/scripts/ephemeral-cms';

export const BANK_UIDS = ['theme', 'method', 'area', 'organisation', 'source', 'initiative', 'lesson'].map((n) => `api::${n}.${n}`);
export const PLURAL: Record<string, string> = {
  'api::initiative.initiative': 'initiatives', 'api::lesson.lesson': 'lessons', 'api::source.source': 'sources', 'api::area.area': 'areas',
  'api::organisation.organisation': 'organisations', 'api::method.method': 'methods', 'api::theme.theme': 'themes',
};

/** Logs in to the admin API as the bootstrap-created super admin and returns a request helper. */
export async function adminClient(cms: EphemeralCms) {
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(cms.admin),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const { data } = await login.json();
  return async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${cms.url}${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** Everything stored for the bank's types, drafts and published versions alike, for before/after comparison. */
export async function storedState(strapi: any) {
  const state: Record<string, unknown> = {};
  for (const uid of BANK_UIDS) {
    state[uid] = await strapi.db.query(uid).findMany({ orderBy: { id: 'asc' }, populate: true });
  }
  return state;
}

/** A harmless write through the Document Service (a theme draft saved again): it clears the content API's cache. */
export async function touchDraft(strapi: any) {
  const theme = await strapi.documents('api::theme.theme').findFirst({ status: 'draft' });
  await strapi.documents('api::theme.theme').update({ documentId: theme.documentId, data: { name: theme.name } });
}
