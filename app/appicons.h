// Icons of the window's menus and tool bar: the desktop theme's icon of a freedesktop name when
// the theme has one, else the bundled drawing of the same name (resources/icons/NAME.svg), so
// that the tool bar is never a row of words on a desktop without an icon theme.
#pragma once

#include <QIcon>
#include <QString>

namespace srm {

inline QIcon appIcon(const char *freedesktopName)
{
    const QString name = QLatin1StringView(freedesktopName);
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/") + name + QStringLiteral(".svg")));
}

} // namespace srm
