#include "engine/audit_chain.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace souhra {
namespace {

void AppendField(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

}  // namespace

std::string AuditCanonicalContent(const AuditRecord& row) {
  std::string out;
  AppendField(out, std::to_string(row.id));
  AppendField(out, row.tenant);
  AppendField(out, row.actor);
  AppendField(out, std::to_string(ToMillis(row.at)));
  AppendField(out, row.action);
  AppendField(out, row.target);
  AppendField(out, row.outcome);
  AppendField(out, row.client);
  return out;
}

std::string AuditChainHash(const std::string& previous_hash, const AuditRecord& row) {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // libsodium cannot work at all: nothing to recover
  });
  const std::string text = previous_hash + AuditCanonicalContent(row);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace souhra
