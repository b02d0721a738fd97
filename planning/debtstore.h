// The operational debt register in a workspace (docs/debt-and-roadmap.md): tables debt_items and debt_dependencies.
// DebtStore loads the register in its order (column position) and edits it; every write is one
// transaction and validates first (InputError names the field), so a failed edit changes nothing.
// Imports write through RecordWriter; the debt view's undo commands call this API: an edit, its
// undo and its redo leave the tables exactly as they were (positions and import ids included).
//
// The store accepts any list of distinct dependency ids: a dependency on an unknown id, or a
// cycle, is the graph's to report (DebtGraph), so a register imported with such a problem can
// still be edited and every edit undone.
#pragma once

#include "store/records.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace srm {

class Workspace;

struct StoredDebtItem
{
    DebtItem item;
    std::int64_t position = 0;            // register order (ascending; gaps allowed)
    std::optional<std::int64_t> importId; // the import that last wrote it; nullopt: entered by hand

    bool operator==(const StoredDebtItem &) const = default;
};

// What remove() took out, so that restore() puts back exactly the same rows.
struct RemovedDebtItem
{
    struct Reference
    {
        std::string itemId; // an item that depended on the removed one
        int index = 0;      // where in its depends_on list (0-based)
        bool operator==(const Reference &) const = default;
    };
    StoredDebtItem stored;
    std::vector<Reference> references; // empty when references were kept

    bool operator==(const RemovedDebtItem &) const = default;
};

class DebtStore
{
public:
    explicit DebtStore(Workspace &ws);

    // The register, ordered by position (then id).
    std::vector<DebtItem> items() const;
    std::vector<StoredDebtItem> storedItems() const;
    std::optional<StoredDebtItem> find(const std::string &id) const;

    // The canonical form of an item typed by a person: id and dependency ids trimmed, fowler
    // lower-case, the pinned quarter as "2027Q1"; then validate(). Throws InputError.
    static DebtItem canonical(const DebtItem &item);
    // Throws InputError unless: the id is non-empty, without surrounding white space, ';' or
    // control characters (so is every dependency id, and no dependency is listed twice); the
    // title is not blank; theme and status are values of their enums; fowler is one of Fowler's
    // four or empty; toil and cost are finite and >= 0; likelihood and impact are 1–5; the pinned
    // quarter is YYYYQn or empty; the linked metrics are catalogue metrics in catalogue order,
    // each once (canonical() puts them so).
    static void validate(const DebtItem &item);
    // A theme or status as a person types it ("Change ", "DONE"): white space around it and case
    // do not matter; an empty theme is none, an empty status open. Otherwise InputError, worded
    // as every store message about item `itemId` ("debt item OPS-7: theme 'security' is not one
    // of change, detection, incident, improvement (or empty)"; "... status 'closed' is not open
    // or done").
    static std::optional<Theme> parseTheme(const std::string &itemId, const QString &text);
    static DebtStatus parseStatus(const std::string &itemId, const QString &text);
    // Linked metrics as a person types them ("change_failure_rate; time_to_restore"): InputError
    // naming the unknown id and listing the valid ones (docs/debt-and-roadmap.md#linked-metrics).
    static std::vector<MetricId> parseLinkedMetrics(const QString &text);

    // Appends an item at the end of the register (entered by hand: no import). Returns what was
    // stored (canonical). InputError when the id exists.
    DebtItem add(const DebtItem &item);
    // Replaces item `id` by `item`, keeping its position and import. `item.id` may differ (a
    // rename): dependencies on the old id follow it. A rename to an id that exists, or that some
    // item already names as a dependency, is refused (undoing it could not tell the two apart).
    DebtItem update(const std::string &id, const DebtItem &item);

    enum class References { Drop, Keep };
    // Deletes an item and its own dependency rows. With References::Drop (deleting an item in the
    // register) other items stop depending on it; with Keep (undoing an add) their rows stay.
    RemovedDebtItem remove(const std::string &id, References references = References::Drop);
    // Puts back what remove() took out: the item at its position (items at or after it move one
    // place down if that position is taken), its import, and the references at their indexes.
    void restore(const RemovedDebtItem &removed);

    void setDependencies(const std::string &id, const std::vector<std::string> &dependsOn);
    void setLinkedMetrics(const std::string &id, const std::vector<MetricId> &linked);
    // Pins an item to a quarter ("2027q2" is accepted); an empty quarter unpins it.
    void setPinnedQuarter(const std::string &id, const QString &quarter);

private:
    StoredDebtItem require(const std::string &id) const;
    void writeDependencies(const std::string &id, const std::vector<std::string> &dependsOn);
    void writeRow(const StoredDebtItem &stored, bool insert, const std::string &oldId);

    Workspace &m_ws;
};

} // namespace srm
