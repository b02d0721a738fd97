// Tooltips that show user text (docs/hostile-input.md#text). Qt shows a tooltip as rich text
// whenever it looks like HTML (Qt::mightBeRichText), so an alert title "<img src=...>" or
// "<b>urgent</b>" would be rendered, not shown. plainToolTip() makes any text display exactly
// as written, line breaks kept, and isolates each line's bidi controls so they cannot reverse
// the rest of the tooltip.
#pragma once

#include <QString>

namespace srm {

QString plainToolTip(const QString &text);

} // namespace srm
