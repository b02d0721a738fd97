#include "views/palettes.h"

#include <QColor>

namespace srm {

namespace {
QColor rgb(QRgb value)
{
    return QColor(value);
}

void setAll(QPalette &p, QPalette::ColorRole role, const QColor &color, const QColor &disabled)
{
    p.setColor(QPalette::Active, role, color);
    p.setColor(QPalette::Inactive, role, color);
    p.setColor(QPalette::Disabled, role, disabled);
}
} // namespace

QPalette lightPalette()
{
    QPalette p;
    setAll(p, QPalette::Window, rgb(0xf3f4f6), rgb(0xf3f4f6));
    setAll(p, QPalette::WindowText, rgb(0x1f2328), rgb(0x9aa0a6));
    setAll(p, QPalette::Base, rgb(0xffffff), rgb(0xf3f4f6));
    setAll(p, QPalette::AlternateBase, rgb(0xf6f8fa), rgb(0xf6f8fa));
    setAll(p, QPalette::Text, rgb(0x1f2328), rgb(0x9aa0a6));
    setAll(p, QPalette::Button, rgb(0xf6f7f9), rgb(0xf3f4f6));
    setAll(p, QPalette::ButtonText, rgb(0x1f2328), rgb(0x9aa0a6));
    setAll(p, QPalette::Highlight, rgb(0x1f6fb2), rgb(0xc8d3de));
    setAll(p, QPalette::HighlightedText, rgb(0xffffff), rgb(0xffffff));
    setAll(p, QPalette::ToolTipBase, rgb(0xffffff), rgb(0xffffff));
    setAll(p, QPalette::ToolTipText, rgb(0x1f2328), rgb(0x1f2328));
    setAll(p, QPalette::PlaceholderText, rgb(0x5c636b), rgb(0x9aa0a6));
    setAll(p, QPalette::Link, rgb(0x1f6fb2), rgb(0x9aa0a6));
    setAll(p, QPalette::Mid, rgb(0xc9ced4), rgb(0xc9ced4));
    setAll(p, QPalette::Midlight, rgb(0xe3e6ea), rgb(0xe3e6ea));
    setAll(p, QPalette::Dark, rgb(0xa0a7b0), rgb(0xa0a7b0));
    setAll(p, QPalette::Light, rgb(0xffffff), rgb(0xffffff));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    setAll(p, QPalette::Window, rgb(0x26292e), rgb(0x26292e));
    setAll(p, QPalette::WindowText, rgb(0xe6e8eb), rgb(0x6b737d));
    setAll(p, QPalette::Base, rgb(0x1f2227), rgb(0x26292e));
    setAll(p, QPalette::AlternateBase, rgb(0x24282d), rgb(0x24282d));
    setAll(p, QPalette::Text, rgb(0xe6e8eb), rgb(0x6b737d));
    setAll(p, QPalette::Button, rgb(0x30343a), rgb(0x2a2d32));
    setAll(p, QPalette::ButtonText, rgb(0xe6e8eb), rgb(0x6b737d));
    setAll(p, QPalette::BrightText, rgb(0xffffff), rgb(0xffffff));
    setAll(p, QPalette::Highlight, rgb(0x3d7cc9), rgb(0x3a4048));
    setAll(p, QPalette::HighlightedText, rgb(0xffffff), rgb(0xc0c4c9));
    setAll(p, QPalette::ToolTipBase, rgb(0x30343a), rgb(0x30343a));
    setAll(p, QPalette::ToolTipText, rgb(0xe6e8eb), rgb(0xe6e8eb));
    setAll(p, QPalette::PlaceholderText, rgb(0xa3aab3), rgb(0x6b737d));
    setAll(p, QPalette::Link, rgb(0x6cb3f0), rgb(0x6b737d));
    setAll(p, QPalette::Mid, rgb(0x3c4148), rgb(0x3c4148));
    setAll(p, QPalette::Midlight, rgb(0x353a41), rgb(0x353a41));
    setAll(p, QPalette::Dark, rgb(0x15171a), rgb(0x15171a));
    setAll(p, QPalette::Light, rgb(0x40454c), rgb(0x40454c));
    setAll(p, QPalette::Shadow, rgb(0x0b0c0e), rgb(0x0b0c0e));
    return p;
}

} // namespace srm
