// What each kind of live source needs (docs/sources.md): its title, default URL, whether it
// must have a token, the options it keeps in SourceDefinition::options and their checks. The
// command line (`source add`) and the window's source editor build definitions with these
// helpers, so both accept exactly the same sources.
//
// Options (JSON keys):
//   all kinds   since     first sync's start: YYYY-MM-DD, an ISO-8601 instant, or N days ("90d")
//               keychain  true when the app stored the token in the keychain (never the token)
//   prometheus  step      query resolution: seconds, or a number with s, m, h or d ("1h")
//               slos      [{"name", "good", "bad", "total"}]: per SLO, the total query and the
//                         good or the bad query (or both)
//   github      repo      OWNER/NAME;      environment (default production); service
//   gitlab      project   numeric id or path (group/name); environment; service
#pragma once

#include "store/records.h"
#include "store/sourcestore.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace srm::sources {

QString kindTitle(const QString &kind);  // "PagerDuty"
QString defaultUrl(const QString &kind); // empty for prometheus (it has no public default)
bool needsToken(const QString &kind);    // pagerduty, github, gitlab
QString pagerDutyEuUrl();                // https://api.eu.pagerduty.com

// Why `source` cannot be synced as defined (empty when it can): name, kind, URL (http or
// https, no user:password@), the kind's required options, the token variable's name.
QString definitionError(const SourceDefinition &source);

// --since: YYYY-MM-DD (UTC midnight), an ISO-8601 instant, or "Nd" (N days before `now`).
std::optional<Micros> parseSince(const QString &text, Micros now);
// A duration: seconds, or a number followed by s, m, h or d. nullopt when not positive.
std::optional<std::int64_t> parseDurationSeconds(const QString &text);

// The first sync's start when the source names none (docs/sources.md#what-a-sync-does).
Micros defaultSince(const QString &kind, Micros now);

// One line about what a source fetches, for `source list` and the window.
QString describe(const SourceDefinition &source);

struct PrometheusSlo
{
    QString name;
    QString good;
    QString bad;
    QString total;
};
QList<PrometheusSlo> prometheusSlos(const SourceDefinition &source);
void setPrometheusSlos(SourceDefinition &source, const QList<PrometheusSlo> &slos);

} // namespace srm::sources
