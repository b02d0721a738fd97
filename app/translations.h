// Translations of the window. The texts are marked with tr() throughout; lupdate collects them
// into translations/sre-roadmap_LANG.ts (cmake --build --preset release --target update_translations),
// a translator fills them in with Qt Linguist, and the build compiles them (lrelease) into the
// program under :/i18n. At start-up the window installs the translator of the user's locale
// (QLocale::system(): LANGUAGE/LC_ALL/LC_MESSAGES/LANG) together with Qt's own for its dialogs;
// with no translation for the locale the English source texts show. See docs/decisions.md.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace srm {

// Installs the app's and Qt's translators for `locale` on `app` (they become its children).
// Returns whether the app's own translation was found (false for English, the source language).
bool installTranslators(QCoreApplication &app, const QLocale &locale = QLocale::system());

} // namespace srm
