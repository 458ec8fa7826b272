// LOCAL STUB (not committed): helper C2 writes the real verifier.
export async function verifyCredential(payload) {
  return { valid: false, code: payload.startsWith('PKJ1:') ? 'tampered' : 'malformed', fields: {} };
}
