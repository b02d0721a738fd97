#include "views/tooltips.h"

#include "store/texthygiene.h"

#include <QStringList>

namespace srm {

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    // Rich text whose content is the escaped text: nothing in it is markup.
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        lines << hygiene::isolate(hygiene::withoutControls(line)).toHtmlEscaped();
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + lines.join(QStringLiteral("<br/>"))
        + QStringLiteral("</p>");
}

} // namespace srm
