// The user's alert-group rules and merges (docs/slos-and-alerts.md#alert-groups), stored in the
// workspace tables alert_rules and alert_merges. A rule is a regular expression
// (QRegularExpression, Perl syntax) and its replacement (\1 names a capture), applied in position
// order to a group's title after the built-in normalisation; a merge folds the group with key
// from_key into the group into_key (keys after the rules). The engine applies them to the distinct
// groups of a window (analysis.h); this store is what the command line and the GUI's undo commands
// write through, each write in its own transaction.
#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace srm {

class Workspace;

struct AlertRule
{
    qint64 id = 0;
    int position = 0; // 1-based, contiguous
    QString pattern;
    QString replacement;

    bool operator==(const AlertRule &) const = default;
};

struct AlertMerge
{
    QString fromKey;
    QString intoKey;

    bool operator==(const AlertMerge &) const = default;
};

class AlertRuleStore
{
public:
    explicit AlertRuleStore(Workspace &ws) : m_ws(ws) { }

    QList<AlertRule> rules() const; // by position

    // Inserts a rule at `position` (1-based; 0 or past the end appends), moving later rules
    // down. Returns the new rule's id: `id` when given (undo puts a removed rule back as it
    // was), else a new one. InputError when the pattern is not a valid expression.
    qint64 addRule(const QString &pattern, const QString &replacement, int position = 0, qint64 id = 0);
    // Changes a rule's pattern and replacement. InputError for a bad pattern or an unknown id.
    void updateRule(qint64 id, const QString &pattern, const QString &replacement);
    void removeRule(qint64 id);
    // Moves a rule to `position` (1-based, clamped), shifting the others. InputError for an
    // unknown id (also for removeRule).
    void moveRule(qint64 id, int position);

    QList<AlertMerge> merges() const; // by from_key
    // Merges group `fromKey` into `intoKey` (replacing an earlier merge of fromKey). InputError
    // when the keys are equal or the merge would close a cycle.
    void addMerge(const QString &fromKey, const QString &intoKey);
    void removeMerge(const QString &fromKey);

    // A rule's budget (docs/hostile-input.md#rules): PCRE2 gives up a match after this many
    // steps (backtracking included), and patterns are at most kMaxPatternLength long.
    static constexpr int kMatchLimit = 100000;
    static constexpr int kMaxPatternLength = 1000;

    // Checks a pattern: it compiles, it is not too long, and it stays within the match budget
    // on titles built to make catastrophic patterns backtrack (runs of each character the
    // pattern names, and of common ones, ending in one that does not match). Returns an empty
    // string when valid, else the reason. The store refuses such rules (InputError), and so
    // does the dialog.
    static QString patternError(const QString &pattern);
    // The rule as it runs: the pattern with the match budget in front ((*LIMIT_MATCH=...)).
    static QRegularExpression compile(const QString &pattern);
    // Applies a compiled rule to one title. False (and the title unchanged) when the match ran
    // out of budget on this title: the rule is skipped for it.
    static bool apply(const QRegularExpression &rule, const QString &replacement, QString &title);

private:
    void renumber(QList<qint64> order);

    Workspace &m_ws;
};

} // namespace srm
