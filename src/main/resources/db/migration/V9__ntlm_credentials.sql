-- NTLM (MS-SIPAE / MS-NLMP): the user's NT hash, which NTLMv2 verification needs as such. It is a
-- password equivalent for NTLM, so it is stored only encrypted (AES-GCM, key in the data directory):
-- 'v1:' || base64(iv || ciphertext || tag).
ALTER TABLE sip_user ADD COLUMN nt_hash_sealed VARCHAR(128);
