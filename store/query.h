// One bound, forward-only query on a workspace's connection for the small stores (alert rules,
// ownership, sources, debt, scenarios): prepared, values bound in order, executed; a failure is
// the WorkspaceError of its SQLite code, described by `what` ("reading the scenarios").
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace srm {

class Workspace;

QSqlQuery runQuery(Workspace &ws, const QString &what, const QString &sql, const QVariantList &values = {});

} // namespace srm
