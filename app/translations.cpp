#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace srm {

bool installTranslators(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own texts (standard buttons, About Qt): from the system's qt6-translations-l10n when
    // installed; missing is fine.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    own->setObjectName(QStringLiteral("sre-roadmap-translator"));
    if (own->load(locale, QStringLiteral("sre-roadmap"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

} // namespace srm
