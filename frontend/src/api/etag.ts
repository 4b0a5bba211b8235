/** The API's ETags are the aggregate's version, quoted ("3"); If-Match sends them back as they came. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version a command response names in X-Consistency-Token (or its ETag), for reading one's own write. */
export function consistencyTokenOf(response: Response): string | null {
  return response.headers.get('X-Consistency-Token') ?? response.headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '') ?? null;
}
