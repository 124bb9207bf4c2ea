/** Every page of a paged DataWorks list, for the group resolver and the workspace reads alike. */
import { ApiCallError } from './errors.js';

/** A server that keeps reporting more results must not keep us paging forever. */
export const MAX_PAGES = 200;

export async function allPages<T>(
  action: string,
  fetchPage: (page: number) => Promise<{ items: T[]; total: number }>
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    // The server may cap the page size below what was asked, so count items, not pages.
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
  throw new ApiCallError(
    `${action} still reported more results after ${MAX_PAGES} pages`,
    'permanent',
    action,
    'Paging'
  );
}
