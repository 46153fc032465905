/**
 * Constants of the Handle protocol (RFC 3652) as this node speaks it: message layout sizes, the
 * operation and response codes it uses, and the flag bits of the envelope and the header.
 */

/** Envelope: major, minor, flags (2), session id, request id, sequence number, message length. */
export const ENVELOPE_SIZE = 20;
/** Header: op code, response code, op flags, site serial (2), recursion count, reserved, expiration, body length. */
export const HEADER_SIZE = 24;
/** A UDP packet carries at most 512 octets, envelope included (RFC 3652 §2.3). */
export const UDP_PACKET_SIZE = 512;
export const UDP_DATA_SIZE = UDP_PACKET_SIZE - ENVELOPE_SIZE;

/** The version this node answers with: 2.10, what the public Handle.Net / IDPointer clients send. */
export const OUR_MAJOR = 2;
export const OUR_MINOR = 10;

export const OC = {
  RESOLUTION: 1,
  GET_SITE_INFO: 2,
} as const;

export const RC = {
  RESERVED: 0,
  SUCCESS: 1,
  ERROR: 2,
  SERVER_TOO_BUSY: 3,
  PROTOCOL_ERROR: 4,
  OPERATION_NOT_SUPPORTED: 5,
  HANDLE_NOT_FOUND: 100,
  INVALID_HANDLE: 102,
  VALUES_NOT_FOUND: 200,
  SERVER_NOT_RESP: 301,
} as const;

/** Envelope flag bits (the high bits of byte 2; the low two bits carry the suggested major version). */
export const ENV_FLAG = { COMPRESSED: 0x80, ENCRYPTED: 0x40, TRUNCATED: 0x20 } as const;

/** Header op-flag bits (RFC 3652 §2.2.2, with the later Handle.Net additions where they matter). */
export const OP_FLAG = {
  AUTHORITATIVE: 0x8000_0000,
  CERTIFY: 0x4000_0000,
  ENCRYPT: 0x2000_0000,
  RECURSIVE: 0x1000_0000,
  CACHE_CERTIFY: 0x0800_0000,
  CONTINUOUS: 0x0400_0000,
  KEEP_ALIVE: 0x0200_0000,
  PUBLIC_ONLY: 0x0100_0000,
  REQUEST_DIGEST: 0x0080_0000,
} as const;

/** Value permission bits in the one-octet permission field (RFC 3651 §3.1). */
export const PERMISSION_BIT = { ADMIN_READ: 0x8, ADMIN_WRITE: 0x4, PUBLIC_READ: 0x2, PUBLIC_WRITE: 0x1 } as const;

/** Digest algorithm identifiers of the request digest. */
export const DIGEST = { SHA1: 2, SHA256: 3 } as const;

/** Site information (HS_SITE) codes: service types, transmission protocols, the primary bit, hash option. */
export const SITE = {
  FORMAT_VERSION: 1,
  PRIMARY: 0x80,
  HASH_BY_ALL: 2,
  SERVICE_QUERY: 2,
  PROTOCOL_UDP: 0,
  PROTOCOL_TCP: 1,
  PROTOCOL_HTTP: 2,
} as const;

/** The largest resolution request accepted over TCP (a request names one handle and a few filters). */
export const MAX_REQUEST_LENGTH = 16 * 1024;
/** The largest UDP answer, in packets: bigger answers say so and the client asks over TCP (no amplification). */
export const MAX_UDP_PACKETS = 32;
/** Indexes and types one request may filter on. */
export const MAX_FILTER_ITEMS = 256;
