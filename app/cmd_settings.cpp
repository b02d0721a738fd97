// `set WORKSPACE KEY VALUE` and `get WORKSPACE [KEY]` (docs/settings.md).
#include "app/cli.h"
#include "app/commands.h"
#include "store/workspace.h"

namespace srm::cli {

int cmdSet(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QStringLiteral("the workspace file (.srmap); created if missing"));
    parser.addPositionalArgument(QStringLiteral("KEY"), QStringLiteral("a setting: ") + SettingsSchema::acceptedKeys());
    parser.addPositionalArgument(QStringLiteral("VALUE"), QStringLiteral("the new value; empty resets the default"));
    if (!parse(parser, QStringLiteral("set"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3)
        throw UsageError(QStringLiteral("expected WORKSPACE KEY VALUE"));
    QString error;
    if (!SettingsSchema::validate(pos[1], pos[2], &error))
        throw InputError(error); // before creating anything
    auto ws = openWorkspace(pos[0], true);
    ws->setSetting(pos[1], pos[2]);
    return Ok;
}

int cmdGet(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    parser.addPositionalArgument(QStringLiteral("KEY"), QStringLiteral("one setting (default: all, as key=value)"),
                                 QStringLiteral("[KEY]"));
    if (!parse(parser, QStringLiteral("get"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty() || pos.size() > 2)
        throw UsageError(QStringLiteral("expected WORKSPACE [KEY]"));
    if (pos.size() == 2 && !SettingsSchema::find(pos[1]))
        throw InputError(
            QStringLiteral("unknown setting '%1'; accepted keys: %2").arg(pos[1], SettingsSchema::acceptedKeys()));
    auto ws = openWorkspace(pos[0]);
    if (pos.size() == 2) {
        printOut(ws->setting(pos[1]) + u'\n');
        return Ok;
    }
    const QHash<QString, QString> stored = ws->storedSettings();
    QString out;
    for (const SettingSpec &s : SettingsSchema::all()) {
        const QString v = stored.value(s.key);
        out += s.key + u'=' + (v.isEmpty() ? s.defaultValue : v) + u'\n';
    }
    printOut(out);
    return Ok;
}

} // namespace srm::cli
