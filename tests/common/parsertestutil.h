// Helpers for the importer tests: run one parser over bytes held in memory and collect what it
// produced (records, bad rows, notes, or the file error that stopped it).
#pragma once

#include "importers/importformat.h"
#include "importers/inputstream.h"
#include "importers/parser.h"

#include <QBuffer>
#include <QByteArray>

#include <optional>
#include <vector>

namespace srm::test {

struct Collected : public importers::ImportSink
{
    std::vector<Deployment> deployments;
    std::vector<Change> changes;
    std::vector<Incident> incidents;
    std::vector<Page> pages;
    std::vector<Slo> slos;
    std::vector<SloMeasurement> measurements;
    std::vector<DebtItem> debt;
    std::vector<Ownership> owners;
    std::vector<importers::ParseError> errors;
    std::vector<std::string> notes;
    std::optional<importers::ParseError> fileError;

    void deployment(const Deployment &d) override { deployments.push_back(d); }
    void change(const Change &c) override { changes.push_back(c); }
    void incident(const Incident &i) override { incidents.push_back(i); }
    void page(const Page &p) override { pages.push_back(p); }
    void slo(const Slo &s) override { slos.push_back(s); }
    void measurement(const SloMeasurement &m) override { measurements.push_back(m); }
    void debtItem(const DebtItem &item) override { debt.push_back(item); }
    void ownership(const Ownership &o) override { owners.push_back(o); }
    void badRow(const importers::ParseError &e) override { errors.push_back(e); }
    void note(const std::string &text) override { notes.push_back(text); }

    std::size_t records() const
    {
        return deployments.size() + changes.size() + incidents.size() + pages.size() + slos.size() + measurements.size()
            + debt.size() + owners.size();
    }
};

inline Collected parseBytes(importers::Format format, const QByteArray &bytes,
                            const importers::ParseOptions &options = {})
{
    Collected c;
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    importers::InputStream in(buffer);
    try {
        importers::parse(format, in, options, c);
    } catch (const importers::FileError &e) {
        c.fileError = e.error;
    }
    return c;
}

inline importers::ParseOptions inZone(const char *zone)
{
    importers::ParseOptions o;
    o.zone = ZoneOffsets(QByteArray(zone));
    return o;
}

} // namespace srm::test
