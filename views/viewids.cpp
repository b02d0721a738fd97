#include "views/viewids.h"

#include <QStringList>

namespace srm {

QString viewName(ViewId id)
{
    switch (id) {
    case ViewId::Dashboard: return QStringLiteral("dashboard");
    case ViewId::Gaps: return QStringLiteral("gaps");
    case ViewId::Alerts: return QStringLiteral("alerts");
    case ViewId::Incidents: return QStringLiteral("incidents");
    case ViewId::Slos: return QStringLiteral("slos");
    case ViewId::Debt: return QStringLiteral("debt");
    case ViewId::Roadmap: return QStringLiteral("roadmap");
    case ViewId::Progress: return QStringLiteral("progress");
    }
    return {};
}

QString viewTitle(ViewId id)
{
    switch (id) {
    case ViewId::Dashboard: return QCoreApplication::translate("srm::Views", "Dashboard");
    case ViewId::Gaps: return QCoreApplication::translate("srm::Views", "Gaps");
    case ViewId::Alerts: return QCoreApplication::translate("srm::Views", "Alerts");
    case ViewId::Incidents: return QCoreApplication::translate("srm::Views", "Incidents");
    case ViewId::Slos: return QCoreApplication::translate("srm::Views", "SLOs");
    case ViewId::Debt: return QCoreApplication::translate("srm::Views", "Debt");
    case ViewId::Roadmap: return QCoreApplication::translate("srm::Views", "Roadmap");
    case ViewId::Progress: return QCoreApplication::translate("srm::Views", "Progress");
    }
    return {};
}

std::optional<ViewId> viewFromName(QStringView name)
{
    for (ViewId id : kAllViews)
        if (name.compare(viewName(id), Qt::CaseInsensitive) == 0)
            return id;
    return std::nullopt;
}

QStringList viewNames()
{
    QStringList out;
    for (ViewId id : kAllViews)
        out << viewName(id);
    return out;
}

} // namespace srm
