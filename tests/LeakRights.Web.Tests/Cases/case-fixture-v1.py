# How CaseFixtures.Version1 was made (2026-11-28): an implementation of docs/decisions/0009 independent of CaseCrypto.
# Do NOT regenerate the committed fixture: its point is that a case written then still opens now.
# An independent implementation of docs/decisions/0009's blob format, to make the fixture the tests keep.
import base64, json, os, struct
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

case_id = "FixtureCase1"
secret = "KnownSecretForTests00A"
ikm = base64.urlsafe_b64decode(secret + "==")
assert len(ikm) == 16
key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"LeakRights.Case.v1", info=case_id.encode()).derive(ikm)
payload = json.dumps({
  "v": 1, "createdOn": "2026-11-20",
  "answers": {"source": "bank", "insider": "yes", "organisation-name": "某银行某支行", "data-types": ["identity", "contact", "property"],
              "scale": "unknown", "discovery": ["fraud-contact"], "discovered-on": "2026-10", "infringer-known": "yes", "infringer-known-on": "2026-10",
              "evidence": ["call-sms-records", "loss-proof"], "harms": ["financial-loss"], "loss-amount": 20000, "ongoing-danger": "no",
              "contacted-organisation": "not-yet", "police-report": "no"},
  "letter": {"your-name": "王小明"},
  "calendarDetails": False,
  "progress": [{"id": "e1", "step": "send-deletion-request", "kind": "done", "on": "2026-11-21", "channel": "ems", "reference": "EA123456789CN", "note": "挂号寄出"}]
}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
padded_len = (len(payload) + 4 + 511) // 512 * 512
padded = struct.pack(">i", len(payload)) + payload + b"\0" * (padded_len - 4 - len(payload))
nonce = os.urandom(12)
aad = b"\x01" + b"LeakRights.Case|" + case_id.encode()
blob = b"\x01" + nonce + AESGCM(key).encrypt(nonce, padded, aad)
print(len(payload), len(blob))
print(base64.b64encode(blob).decode())
print(payload.decode())
