// Query strings from plain objects: empty values are left out, everything is percent-encoded.

/** '?name=value&…' for the non-empty parameters, or '' when there are none. */
export function queryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
