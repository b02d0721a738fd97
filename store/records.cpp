// The text of the records' own enums that is not in the metric catalogue: a debt item's status.
// One table, read both ways, so the debt CSV, the workspace column and the exports cannot drift.
// Also the ASCII case-insensitive comparison that the formats' vocabularies use.
#include "store/records.h"

#include <iterator>

namespace srm {

namespace {

struct DebtStatusText
{
    DebtStatus status;
    const char *text;
};

// docs/debt-and-roadmap.md#the-register
constexpr DebtStatusText kDebtStatusTexts[] = {{DebtStatus::Open, "open"}, {DebtStatus::Done, "done"}};
static_assert(std::size(kDebtStatusTexts) == std::size(kDebtStatuses));

} // namespace

bool equalsAsciiIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

const char *toString(DebtStatus s)
{
    for (const DebtStatusText &t : kDebtStatusTexts)
        if (t.status == s)
            return t.text;
    return "open";
}

std::optional<DebtStatus> debtStatusFromText(std::string_view text)
{
    for (const DebtStatusText &t : kDebtStatusTexts)
        if (equalsAsciiIgnoreCase(text, t.text))
            return t.status;
    return std::nullopt;
}

} // namespace srm
