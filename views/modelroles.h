// Item data roles shared by the item models of the views.
#pragma once

#include <Qt>

namespace srm {

enum ModelRole {
    SortRole = Qt::UserRole, // a value that sorts right (numbers as numbers, missing last)
    IdRole,                  // the row's key: metric id, group key, SLO name, debt item id, setting key
};

} // namespace srm
