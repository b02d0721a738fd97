// Where a source's token lives (docs/sources.md#tokens): in the desktop's keychain through
// QtKeychain (service "sre-roadmap", key = the source's name), or, for cron and machines
// without a keychain, in the environment variable the source names (--token-env), which wins
// when it is set. Never in the workspace. Keychain jobs are asynchronous (D-Bus); these
// functions wait for them in a local event loop with a timeout, so a missing or stuck secret
// service gives a clear message instead of a hang. Call them on a thread with a Qt event
// dispatcher (the main thread: the window's or the command line's).
#pragma once

#include "store/sourcestore.h"

#include <QString>

namespace srm::sources {

constexpr int kKeychainTimeoutMs = 10000;
QString keychainService(); // "sre-roadmap"

struct KeychainResult
{
    bool ok = false;
    bool notFound = false; // read: no entry for the key (not an error of the keychain itself)
    QString value;         // read: the secret
    QString error;         // why not ok (no secret in it)
};

KeychainResult readKeychain(const QString &key, int timeoutMs = kKeychainTimeoutMs);
KeychainResult writeKeychain(const QString &key, const QString &secret, int timeoutMs = kKeychainTimeoutMs);
KeychainResult deleteKeychain(const QString &key, int timeoutMs = kKeychainTimeoutMs);

// The advice for a machine whose keychain does not work.
QString keychainAdvice();

struct TokenLookup
{
    QString token;  // empty: none (allowed for a kind that needs none)
    QString origin; // "environment variable X", "keychain", or empty
};

// The token of `source`: the variable named by tokenEnv when it is set and not empty, else the
// keychain (asked only when the kind needs a token or the app stored one there). Throws
// SyncError (Setup) when a needed token cannot be found, saying where it looked and what to do.
TokenLookup findToken(const SourceDefinition &source, int timeoutMs = kKeychainTimeoutMs);

} // namespace srm::sources
