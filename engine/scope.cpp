#include "engine/scope.h"

#include <algorithm>

namespace srm {

namespace {

void sortUnique(std::vector<std::string> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool contains(const std::vector<std::string> &sorted, std::string_view name)
{
    return std::binary_search(sorted.begin(), sorted.end(), name, std::less<>());
}

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    out.reserve(std::size_t(list.size()));
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QStringList toQt(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out.append(QString::fromStdString(s));
    return out;
}

QString names(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out.append(s.empty() ? QStringLiteral("(none)") : QString::fromStdString(s));
    return out.join(QStringLiteral(", "));
}

} // namespace

bool Scope::matches(std::string_view service, std::string_view team) const
{
    return (services.empty() || contains(services, service)) && (teams.empty() || contains(teams, team));
}

Scope Scope::of(std::vector<std::string> services, std::vector<std::string> teams)
{
    Scope s;
    s.services = std::move(services);
    s.teams = std::move(teams);
    sortUnique(s.services);
    sortUnique(s.teams);
    return s;
}

Scope Scope::of(const QStringList &services, const QStringList &teams)
{
    return of(toStd(services), toStd(teams));
}

QStringList Scope::serviceList() const
{
    return toQt(services);
}

QStringList Scope::teamList() const
{
    return toQt(teams);
}

QString Scope::describe() const
{
    if (isEmpty())
        return QStringLiteral("all services");
    QStringList parts;
    if (!services.empty())
        parts.append((services.size() == 1 ? QStringLiteral("service ") : QStringLiteral("services "))
                     + names(services));
    if (!teams.empty())
        parts.append((teams.size() == 1 ? QStringLiteral("team ") : QStringLiteral("teams ")) + names(teams));
    return parts.join(QStringLiteral(" · "));
}

QString breakdownName(BreakdownBy by)
{
    return by == BreakdownBy::Service ? QStringLiteral("service") : QStringLiteral("team");
}

} // namespace srm
