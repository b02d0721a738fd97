// The eight views of docs/views-and-report.md#the-eight-views, by id: their command-line names
// (screenshot --view NAME) and their titles in the navigation list. Ctrl+1 … Ctrl+8 show them in
// this order.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace srm {

enum class ViewId { Dashboard, Gaps, Alerts, Incidents, Slos, Debt, Roadmap, Progress };

constexpr ViewId kAllViews[] = {ViewId::Dashboard, ViewId::Gaps, ViewId::Alerts,  ViewId::Incidents,
                                ViewId::Slos,      ViewId::Debt, ViewId::Roadmap, ViewId::Progress};

QString viewName(ViewId id);  // "dashboard"
QString viewTitle(ViewId id); // translated "Dashboard"
std::optional<ViewId> viewFromName(QStringView name);
QStringList viewNames();

} // namespace srm
