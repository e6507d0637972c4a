#include "web/authenticator.h"

#include "web/credentials.h"

namespace souhra {
namespace {

// Last-seen times are written at most this often, so that reading pages does not write.
constexpr auto kTouchEvery = std::chrono::minutes(1);

std::string CookieValue(const httplib::Request& request, const std::string& name) {
  const std::string header = request.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    size_t start = header.find_first_not_of(' ', pos);
    if (start < end && header.compare(start, name.size() + 1, name + "=") == 0) {
      return header.substr(start + name.size() + 1, end - start - name.size() - 1);
    }
    pos = end + 1;
  }
  return "";
}

std::string CookieAttributes(const SessionPolicy& policy) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") +
         (policy.secure_cookie ? "; Secure" : "");
}

Principal PrincipalOf(const UserRecord& user) {
  Principal principal;
  principal.tenant = user.tenant;
  principal.login = user.login;
  principal.name = user.name;
  principal.roles = user.roles;
  principal.must_change_password = user.must_change_password;
  return principal;
}

Result<Principal> FromBearer(WebServices& services, const std::string& token) {
  const std::string hash = TokenDigest(token);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<ApiTokenRecord> record, services.access->GetApiToken(hash));
  if (!record) return Unauthenticated("Token není platný.");
  if (record->revoked) return Unauthenticated("Token byl zrušen; požádejte správce o nový.");
  const Instant now = services.clock->Now();
  if (now >= record->expires) {
    return Unauthenticated("Platnost tokenu skončila; požádejte správce o nový.");
  }
  // Tokens act only as integration accounts: a person's account flagged back, or a token from
  // before the flag existed, signs nobody in.
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          services.directory->GetUser(record->tenant, record->login));
  if (!user || !user->active || !user->integration) {
    return Unauthenticated("Token nepatří aktivnímu integračnímu účtu.");
  }
  if (!record->last_used || now - *record->last_used > kTouchEvery) {
    SOUHRA_RETURN_IF_ERROR(services.access->TouchApiToken(hash, now));
  }
  Principal principal = PrincipalOf(*user);
  principal.via = "token";
  return principal;
}

Result<Principal> FromSession(WebServices& services, const SessionPolicy& policy,
                              const std::string& token) {
  const std::string hash = TokenDigest(token);
  SOUHRA_ASSIGN_OR_RETURN(std::optional<SessionRecord> session, services.access->GetSession(hash));
  if (!session) return Unauthenticated("Nejste přihlášeni; přihlaste se.");
  const Instant now = services.clock->Now();
  if (now - session->last_seen > policy.idle || now - session->created > policy.absolute) {
    SOUHRA_RETURN_IF_ERROR(services.access->DeleteSession(hash));
    return Unauthenticated("Přihlášení vypršelo; přihlaste se znovu.");
  }
  if (now - session->last_seen > kTouchEvery) {
    SOUHRA_RETURN_IF_ERROR(services.access->TouchSession(hash, now));
  }
  SOUHRA_ASSIGN_OR_RETURN(std::optional<UserRecord> user,
                          services.directory->GetUser(session->tenant, session->login));
  if (!user || !user->active) {
    return Unauthenticated("Tento účet už není aktivní; obraťte se na správce.");
  }
  Principal principal = PrincipalOf(*user);
  principal.via = "session";
  principal.session_hash = hash;
  principal.csrf_token = session->csrf_token;
  return principal;
}

}  // namespace

Result<Principal> Authenticate(const httplib::Request& request, WebServices& services,
                               const SessionPolicy& policy) {
  const std::string authorization = request.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) return FromBearer(services, authorization.substr(7));
  if (!authorization.empty()) {
    return Unauthenticated("Přihlášení tokenem se posílá jako „Authorization: Bearer …“.");
  }
  const std::string token = CookieValue(request, kSessionCookie);
  if (token.empty()) return Unauthenticated("Nejste přihlášeni; přihlaste se.");
  return FromSession(services, policy, token);
}

Result<Principal> StartSession(WebServices& services, const SessionPolicy& policy,
                               const UserRecord& user, std::string* cookie) {
  const std::string token = RandomToken();
  SessionRecord session;
  session.token_hash = TokenDigest(token);
  session.tenant = user.tenant;
  session.login = user.login;
  session.csrf_token = RandomToken();
  session.created = services.clock->Now();
  session.last_seen = session.created;
  SOUHRA_RETURN_IF_ERROR(services.access->PutSession(session));
  *cookie =
      std::string(kSessionCookie) + "=" + token + CookieAttributes(policy) + "; Max-Age=" +
      std::to_string(std::chrono::duration_cast<std::chrono::seconds>(policy.absolute).count());
  Principal principal = PrincipalOf(user);
  principal.via = "session";
  principal.session_hash = session.token_hash;
  principal.csrf_token = session.csrf_token;
  return principal;
}

std::string ExpiredSessionCookie(const SessionPolicy& policy) {
  return std::string(kSessionCookie) + "=" + CookieAttributes(policy) + "; Max-Age=0";
}

}  // namespace souhra
