// A scope of services and teams (docs/scope.md): which events the figures count. The command
// line's --service/--team, the window's scope picker and the report all build one; the Dataset
// (dataset.h) is restricted by it right after loading, so that the relations that classify an
// event (a fix, a causing incident, the previous deployment of a stream, an open incident) are
// still looked up among all records. An empty list means "any"; both lists given means both must
// hold. Names are compared as exact UTF-8 bytes; "" stands for records without a service (team).
#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace srm {

struct Scope
{
    std::vector<std::string> services; // sorted (byte order), unique; empty: any service
    std::vector<std::string> teams;    // sorted (byte order), unique; empty: any team

    bool isEmpty() const { return services.empty() && teams.empty(); }
    bool matches(std::string_view service, std::string_view team) const;
    bool operator==(const Scope &) const = default;

    // Sorts and removes repeated names.
    static Scope of(std::vector<std::string> services, std::vector<std::string> teams);
    static Scope of(const QStringList &services, const QStringList &teams);
    QStringList serviceList() const;
    QStringList teamList() const;

    // For titles, covers and footers: "all services", "services cartservice, frontend",
    // "team payments", "service frontend · team storefront"; "(no service)" for "".
    QString describe() const;
};

// What a breakdown splits the figures by (metrics --by, the window's breakdown).
enum class BreakdownBy { Service, Team };
QString breakdownName(BreakdownBy by); // "service", "team"

} // namespace srm
