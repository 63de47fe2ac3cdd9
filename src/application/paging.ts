// One paging rule for every paged list (users, audit trail): pages are 1-based, 10 rows by default
// and never more than 50; a page past the end shows the last page, so that a list that shrank
// while someone paged through it still shows rows.

export const DEFAULT_PAGE_SIZE = 10;
export const MAXIMUM_PAGE_SIZE = 50;

export interface TPageRequest {
  /** 1-based. */
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

export interface TPagePosition {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** At least 1: an empty list is one empty page. */
  readonly pageCount: number;
  /** Rows before this page. */
  readonly skip: number;
}

function wholeNumberOr(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.trunc(value);
}

export function pagePosition(request: TPageRequest, total: number): TPagePosition {
  const pageSize = Math.min(
    MAXIMUM_PAGE_SIZE,
    Math.max(1, wholeNumberOr(request.pageSize, DEFAULT_PAGE_SIZE)),
  );
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pageCount, Math.max(1, wholeNumberOr(request.page, 1)));
  return { page, pageSize, total, pageCount, skip: (page - 1) * pageSize };
}
