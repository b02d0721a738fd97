// `source add WORKSPACE KIND NAME [options]`, `source list WORKSPACE`, `source remove WORKSPACE
// NAME` (docs/sources.md, docs/command-line.md): the workspace's live data sources. A token is
// never an argument (it would show in `ps` and the shell's history): `--token-stdin` reads it
// from standard input into the desktop keychain, `--token-env VAR` names the environment
// variable that holds it at sync time (cron).
#include "app/cli.h"
#include "app/commands.h"
#include "sources/sourcekinds.h"
#include "sources/tokenstore.h"
#include "store/sourcestore.h"
#include "store/timeutil.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace srm::cli {

namespace {

using sources::PrometheusSlo;

const QStringList kSloOptions = {QStringLiteral("slo"), QStringLiteral("good-query"), QStringLiteral("bad-query"),
                                 QStringLiteral("total-query")};

// Takes the Prometheus SLO options out of `args`, keeping their order: each --slo starts an
// SLO, and the queries that follow it are its own (QCommandLineParser cannot pair repeated
// options).
QList<PrometheusSlo> takeSloOptions(QStringList &args)
{
    QList<PrometheusSlo> slos;
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString name;
        QString value;
        bool matched = false;
        for (const QString &option : kSloOptions) {
            const QString flag = QStringLiteral("--") + option;
            if (arg == flag) {
                if (i + 1 >= args.size())
                    throw UsageError(QStringLiteral("%1 needs a value").arg(flag));
                name = option;
                value = args[++i];
                matched = true;
            } else if (arg.startsWith(flag + u'=')) {
                name = option;
                value = arg.mid(flag.size() + 1);
                matched = true;
            }
            if (matched)
                break;
        }
        if (!matched) {
            rest << arg;
            continue;
        }
        if (name == u"slo") {
            slos.append({value.trimmed(), {}, {}, {}});
            continue;
        }
        if (slos.isEmpty())
            throw UsageError(QStringLiteral("--%1 must follow the --slo NAME it belongs to").arg(name));
        QString &target = name == u"good-query" ? slos.last().good
            : name == u"bad-query"              ? slos.last().bad
                                                : slos.last().total;
        if (!target.isEmpty())
            throw UsageError(QStringLiteral("SLO '%1' has --%2 twice").arg(slos.last().name, name));
        target = value.trimmed();
    }
    args = rest;
    return slos;
}

QString readTokenFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw UsageError(QStringLiteral("--token-stdin: cannot read standard input"));
    const QString token = QString::fromUtf8(in.readAll()).trimmed();
    if (token.isEmpty())
        throw UsageError(QStringLiteral("--token-stdin: standard input holds no token"));
    if (token.contains(u'\n'))
        throw UsageError(QStringLiteral("--token-stdin: standard input must hold the token alone, on one line"));
    return token;
}

QString tokenPlace(const SourceDefinition &s)
{
    QStringList places;
    if (!s.tokenEnv.isEmpty())
        places << QStringLiteral("$%1").arg(s.tokenEnv);
    if (s.options.value(QLatin1StringView("keychain")).toBool())
        places << QStringLiteral("keychain");
    if (places.isEmpty())
        return sources::needsToken(s.kind) ? QStringLiteral("keychain") : QStringLiteral("none");
    return places.join(QStringLiteral(", then "));
}

int sourceAdd(const QStringList &given)
{
    QStringList args = given;
    const QList<PrometheusSlo> slos = takeSloOptions(args);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace (created when missing)"));
    parser.addPositionalArgument(QStringLiteral("KIND"), QStringLiteral("pagerduty, prometheus, github or gitlab"));
    parser.addPositionalArgument(
        QStringLiteral("NAME"),
        QStringLiteral("the source's name (letters, digits, '.', '_', '-'); also the key of its "
                       "token in the keychain"));
    const QCommandLineOption url(
        QStringLiteral("url"),
        QStringLiteral("the API's base URL (PagerDuty: https://api.pagerduty.com, GitHub: "
                       "https://api.github.com, GitLab: https://gitlab.com; Prometheus: required)"),
        QStringLiteral("URL"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QStringLiteral("PagerDuty: us (default) or eu (https://api.eu.pagerduty.com)"),
                                    QStringLiteral("REGION"));
    const QCommandLineOption tokenEnv(QStringLiteral("token-env"),
                                      QStringLiteral("the environment variable holding the token at sync time; it wins "
                                                     "over the keychain when set (cron)"),
                                      QStringLiteral("VAR"));
    const QCommandLineOption tokenStdin(QStringLiteral("token-stdin"),
                                        QStringLiteral("read the token from standard input and store it in the desktop "
                                                       "keychain (service sre-roadmap, key NAME)"));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("where the first sync starts: YYYY-MM-DD, an ISO-8601 instant or N days "
                       "like 90d (default: 365 days ago; Prometheus: 28 days ago)"),
        QStringLiteral("WHEN"));
    const QCommandLineOption step(QStringLiteral("step"),
                                  QStringLiteral("Prometheus: the query resolution (default 1h); each point counts one "
                                                 "step"),
                                  QStringLiteral("DURATION"));
    const QCommandLineOption repo(QStringLiteral("repo"), QStringLiteral("GitHub: the repository"),
                                  QStringLiteral("OWNER/NAME"));
    const QCommandLineOption project(QStringLiteral("project"), QStringLiteral("GitLab: the project's id or path"),
                                     QStringLiteral("ID"));
    const QCommandLineOption environment(QStringLiteral("environment"),
                                         QStringLiteral("GitHub, GitLab: the production environment's name (default "
                                                        "production)"),
                                         QStringLiteral("NAME"));
    const QCommandLineOption service(
        QStringLiteral("service"),
        QStringLiteral("GitHub, GitLab: the service its deployments belong to (default: the "
                       "repository's or project's name)"),
        QStringLiteral("NAME"));
    // Listed for --help only; takeSloOptions() consumed them.
    const QCommandLineOption slo(QStringLiteral("slo"),
                                 QStringLiteral("Prometheus: an SLO (repeatable); the queries after it are its own"),
                                 QStringLiteral("NAME"));
    const QCommandLineOption good(QStringLiteral("good-query"),
                                  QStringLiteral("Prometheus: the SLO's good events per step"), QStringLiteral("Q"));
    const QCommandLineOption bad(QStringLiteral("bad-query"),
                                 QStringLiteral("Prometheus: the SLO's bad events per step"), QStringLiteral("Q"));
    const QCommandLineOption total(QStringLiteral("total-query"),
                                   QStringLiteral("Prometheus: the SLO's events per step"), QStringLiteral("Q"));
    parser.addOptions(
        {url, region, tokenEnv, tokenStdin, since, step, repo, project, environment, service, slo, good, bad, total});
    if (!parse(parser, QStringLiteral("source"), QStringList{QStringLiteral("add")} + args))
        return Ok;
    QStringList pos = parser.positionalArguments();
    pos.removeFirst(); // "add"
    if (pos.size() != 3)
        throw UsageError(QStringLiteral("expected source add WORKSPACE KIND NAME [options]"));

    SourceDefinition s;
    s.kind = pos[1].toLower();
    s.name = pos[2];
    if (!SourceStore::kinds().contains(s.kind))
        throw UsageError(
            QStringLiteral("unknown source kind '%1'; known kinds: %2").arg(pos[1], SourceStore::kinds().join(u", ")));
    const auto only = [&](const QCommandLineOption &option, QStringList kinds) {
        if (parser.isSet(option) && !kinds.contains(s.kind))
            throw UsageError(QStringLiteral("--%1 is for %2 sources")
                                 .arg(option.names().first(), kinds.join(QStringLiteral(" and "))));
    };
    only(region, {QStringLiteral("pagerduty")});
    only(step, {QStringLiteral("prometheus")});
    only(repo, {QStringLiteral("github")});
    only(project, {QStringLiteral("gitlab")});
    only(environment, {QStringLiteral("github"), QStringLiteral("gitlab")});
    only(service, {QStringLiteral("github"), QStringLiteral("gitlab")});
    if (!slos.isEmpty() && s.kind != u"prometheus")
        throw UsageError(QStringLiteral("--slo and the queries are for prometheus sources"));
    if (parser.isSet(url) && parser.isSet(region))
        throw UsageError(QStringLiteral("give --url or --region, not both"));

    s.url = parser.isSet(url) ? parser.value(url).trimmed() : sources::defaultUrl(s.kind);
    if (parser.isSet(region)) {
        const QString r = parser.value(region).toLower();
        if (r != u"us" && r != u"eu")
            throw UsageError(QStringLiteral("--region must be us or eu, not '%1'").arg(parser.value(region)));
        s.url = r == u"eu" ? sources::pagerDutyEuUrl() : sources::defaultUrl(s.kind);
    }
    s.tokenEnv = parser.value(tokenEnv).trimmed();
    const auto put = [&](const char *key, const QCommandLineOption &option) {
        if (parser.isSet(option))
            s.options.insert(QLatin1StringView(key), parser.value(option).trimmed());
    };
    put("since", since);
    put("step", step);
    put("repo", repo);
    put("project", project);
    put("environment", environment);
    put("service", service);
    if (s.kind == u"prometheus")
        sources::setPrometheusSlos(s, slos);
    if (const QString why = sources::definitionError(s); !why.isEmpty())
        throw InputError(why);
    if (sources::needsToken(s.kind) && s.tokenEnv.isEmpty() && !parser.isSet(tokenStdin))
        throw UsageError(QStringLiteral("a %1 source needs a token: --token-stdin (stored in the keychain) or "
                                        "--token-env VAR (an environment variable)")
                             .arg(sources::kindTitle(s.kind)));

    auto ws = openWorkspace(pos[0], true);
    SourceStore store(*ws);
    if (store.find(s.name))
        throw InputError(QStringLiteral("there is already a source named '%1' in %2").arg(s.name, pos[0]));
    bool stored = false;
    if (parser.isSet(tokenStdin)) {
        const sources::KeychainResult r = sources::writeKeychain(s.name, readTokenFromStdin());
        if (!r.ok)
            throw InputError(QStringLiteral("%1: cannot store the token in the desktop keychain (%2); %3; nothing was "
                                            "added")
                                 .arg(s.name, r.error, sources::keychainAdvice()));
        stored = true;
        s.options.insert(QStringLiteral("keychain"), true);
    }
    s.createdAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    try {
        store.add(s);
    } catch (...) {
        if (stored)
            sources::deleteKeychain(s.name);
        throw;
    }
    printOut(QStringLiteral("%1: %2 source at %3: %4; token: %5\n")
                 .arg(s.name, s.kind, s.url, sources::describe(s), tokenPlace(s)));
    return Ok;
}

int sourceList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace"));
    if (!parse(parser, QStringLiteral("source"), QStringList{QStringLiteral("list")} + args))
        return Ok;
    QStringList pos = parser.positionalArguments();
    pos.removeFirst();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected source list WORKSPACE"));
    auto ws = openWorkspace(pos[0]);
    QString out;
    for (const SourceDefinition &s : SourceStore(*ws).list()) {
        out += QStringLiteral("%1\t%2\t%3\tlast sync %4\n")
                   .arg(s.name, s.kind, s.url, s.lastSyncAt ? formatIso(*s.lastSyncAt) : QStringLiteral("never"));
        out += QStringLiteral("    %1; token: %2\n").arg(sources::describe(s), tokenPlace(s));
        if (!s.lastError.isEmpty())
            out += QStringLiteral("    last error %1: %2\n")
                       .arg(s.lastErrorAt ? formatIso(*s.lastErrorAt) : QString(), s.lastError);
    }
    printOut(out);
    return Ok;
}

int sourceRemove(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace"));
    parser.addPositionalArgument(QStringLiteral("NAME"),
                                 QStringLiteral("the source to remove (its imported records stay; "
                                                "remove them from the window's Data Sources)"));
    if (!parse(parser, QStringLiteral("source"), QStringList{QStringLiteral("remove")} + args))
        return Ok;
    QStringList pos = parser.positionalArguments();
    pos.removeFirst();
    if (pos.size() != 2)
        throw UsageError(QStringLiteral("expected source remove WORKSPACE NAME"));
    auto ws = openWorkspace(pos[0]);
    SourceStore store(*ws);
    const std::optional<SourceDefinition> s = store.find(pos[1]);
    if (!s)
        throw InputError(QStringLiteral("there is no source named '%1' in %2").arg(pos[1], pos[0]));
    store.remove(s->name);
    if (s->options.value(QLatin1StringView("keychain")).toBool()) {
        const sources::KeychainResult r = sources::deleteKeychain(s->name);
        if (!r.ok)
            printErr(QStringLiteral("%1: note: its token could not be removed from the keychain (%2)\n")
                         .arg(s->name, r.error));
    }
    printOut(QStringLiteral("%1: removed\n").arg(s->name));
    return Ok;
}

} // namespace

int cmdSource(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == u"add")
        return sourceAdd(args.mid(1));
    if (verb == u"list")
        return sourceList(args.mid(1));
    if (verb == u"remove")
        return sourceRemove(args.mid(1));
    if (verb == u"--help" || verb == u"-h") {
        printOut(QStringLiteral("Usage: sre-roadmap source add WORKSPACE KIND NAME [options]\n"
                                "       sre-roadmap source list WORKSPACE\n"
                                "       sre-roadmap source remove WORKSPACE NAME\n"
                                "Live data sources (pagerduty, prometheus, github, gitlab); 'sync' pulls from them.\n"
                                "Run 'sre-roadmap source add --help' for the options.\n"));
        return Ok;
    }
    throw UsageError(verb.isEmpty()
                         ? QStringLiteral("expected add, list or remove")
                         : QStringLiteral("unknown source command '%1'; expected add, list or remove").arg(verb));
}

} // namespace srm::cli
