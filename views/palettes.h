// Explicit light and dark palettes for the Fusion style, so that the window (and screenshots)
// look the same on every platform when asked for one or the other.
#pragma once

#include <QPalette>

namespace srm {

QPalette lightPalette();
QPalette darkPalette();

} // namespace srm
