/** What a secret looks like in synthesized JSON: by the name it is stored under, or by its shape. */

/** Attribute (or output, variable) names that hold a credential. `secret_id`, `kms_key_id` do not match. */
export const SECRET_NAME = /(?:^|_)(?:password|passwd|token|secret|client_secret|secret_key|access_key|private_key|api_key|apikey)$/i;

/** Credential formats that are dangerous wherever they appear, whatever the attribute is called. */
export const SECRET_SHAPES: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: "a Databricks personal access token (dapi…)", pattern: /\bdapi[0-9a-f]{32}\b/ },
  { what: "a Databricks OAuth secret (dose…)", pattern: /\bdose[0-9a-f]{32}\b/ },
  { what: "an AWS access key id (AKIA…/ASIA…)", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: "an AWS secret access key", pattern: /(?:secret_?access_?key|SecretAccessKey)["'\s:=]+[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i },
  { what: "a private key (PEM)", pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { what: "a GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/ },
  // A literal under a secret-looking key inside JSON or an HCL expression: {"password" = "hunter2"}.
  {
    what: "a literal value under a secret-looking key",
    pattern: /"(?:password|passwd|token|secret|client_secret|secret_key|api_key|private_key)"\s*[:=]\s*"[^"$]+"/i,
  },
];

/**
 * Any of the shapes, in one pass: a string that does not match it matches none of them (the union,
 * case-insensitive, is wider than each), so the rule tries them one by one only on the rare string
 * that does. Every string of every block goes through here.
 */
export const ANY_SECRET_SHAPE = new RegExp(SECRET_SHAPES.map((shape) => `(?:${shape.pattern.source})`).join("|"), "i");

/**
 * Attributes whose value is a secret, so an output that references one must be sensitive. Keyed by
 * attribute name; a few are secrets only on one resource type.
 */
const SECRET_ATTRIBUTES = new Set([
  "secret_string",
  "secret_binary",
  "string_value",
  "token_value",
  "token",
  "secret",
  "password",
  "client_secret",
  "private_key_pem",
  "private_key_openssh",
  "private_key_pem_pkcs8",
  "ses_smtp_password_v4",
]);
const SECRET_ATTRIBUTES_OF_TYPE: ReadonlyMap<string, readonly string[]> = new Map([["random_password", ["result", "bcrypt_hash"]]]);

export function isSecretAttribute(address: string, attribute: string): boolean {
  const type = address.replace(/^data\./, "").split(".")[0];
  return SECRET_ATTRIBUTES.has(attribute) || (SECRET_ATTRIBUTES_OF_TYPE.get(type) ?? []).includes(attribute);
}
