/**
 * One HTTP request as the contract needs it. Adapters build it from their framework's request
 * without copying anything up front: headers are looked up on demand and the body is read only once
 * the caller is known to be allowed.
 */
export interface ContractRequest {
  method: string
  /**
   * Path below the mount point, as the client sent it (still percent-encoded): `/`, `/{id}/revoke`;
   * `undefined` when the request is not below the mount point at all (answered 404).
   */
  path: string | undefined
  /** A request header by its lower-case name. */
  header(name: string): string | undefined
  /** A query-string parameter (its first value), decoded. */
  query(name: string): string | undefined
  /** Reads the body within the limits (413, 408 past them). */
  readBody(limits: BodyLimits): Promise<RequestBody>
}

export interface BodyLimits {
  maxBytes: number
  timeoutMs: number
}

/** The raw text of the body, or what a framework's body parser already made of it. */
export type RequestBody = { text: string } | { parsed: unknown }

/** A response as plain data, written to the framework's response object by the adapter. */
export interface ContractResponse {
  status: number
  headers: Record<string, string>
  body: string
}
