#include "web/token_issuer.h"

#include "web/credentials.h"

namespace souhra {
namespace {

Status CheckDays(int days, const std::string& what) {
  if (days >= 1 && days <= kMaxTokenDays) return Status::Ok();
  return InvalidArgument(what + " musí být 1 až " + std::to_string(kMaxTokenDays) + " dní.");
}

// The lifetime the order asks for, else the tenant's default, else kDefaultTokenDays.
Result<int> LifetimeDays(Directory& directory, const TokenOrder& order) {
  if (order.expires_in_days) {
    SOUHRA_RETURN_IF_ERROR(CheckDays(*order.expires_in_days, "Platnost tokenu"));
    return *order.expires_in_days;
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<TenantRecord> tenant, directory.GetTenant(order.tenant));
  if (!tenant || !tenant->settings.contains("token_days")) return kDefaultTokenDays;
  const Json& setting = tenant->settings["token_days"];
  const std::string what = "Výchozí platnost tokenu v nastavení obce (token_days)";
  if (!setting.is_number_integer()) return InvalidArgument(what + " musí být celé číslo.");
  SOUHRA_RETURN_IF_ERROR(CheckDays(setting.get<int>(), what));
  return setting.get<int>();
}

}  // namespace

Result<IssuedToken> IssueApiToken(Directory& directory, AccessStore& access,
                                  const TokenOrder& order, Instant now) {
  if (order.name.empty()) return InvalidArgument("Uveďte, k čemu token slouží (název).");
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          directory.GetUser(order.tenant, order.login));
  if (!user || !user->active) {
    return InvalidArgument("Aktivní uživatel „" + order.login + "“ v této obci není.");
  }
  // A token is a password that never asks who is typing: for a person's account it would let
  // whoever holds it read case files in that person's name.
  if (!user->integration) {
    return PermissionDenied("Token lze vydat jen integračnímu účtu; „" + user->name +
                            "“ je účet člověka. Pro napojení jiného systému použijte integrační "
                            "účet.");
  }
  SOUHRA_ASSIGN_OR_RETURN(int days, LifetimeDays(directory, order));
  IssuedToken issued;
  issued.secret = RandomToken();
  ApiTokenRecord& record = issued.record;
  record.id = RandomToken().substr(0, 16);  // drawn apart from the secret: it tells nothing of it
  record.token_hash = TokenDigest(issued.secret);
  record.tenant = order.tenant;
  record.login = order.login;
  record.name = order.name;
  record.created = now;
  record.created_by = order.created_by;
  record.expires = now + std::chrono::days(days);
  SOUHRA_RETURN_IF_ERROR(access.PutApiToken(record));
  return issued;
}

}  // namespace souhra
