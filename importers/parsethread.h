// Runs a parser on a thread of its own while the calling thread (the one that owns the SQLite
// connection) writes: the parser's output (records, bad rows, notes, and finally its exception
// if it threw) crosses over in batches through a small bounded queue, in order, so memory stays
// bounded and the two halves of an import use two cores. Pages also get their identity and
// normalised alert title on the parser's side (RecordWriter::identify), the costly pure part
// of writing a page.
#pragma once

#include "importers/parser.h"
#include "store/recordwriter.h"

#include <memory>

namespace srm::importers {

// The writer side: an ImportSink that also takes pages with their identity already computed.
class IdentifiedSink : public ImportSink
{
public:
    virtual void identifiedPage(const Page &p, const RecordWriter::PageIdentity &identity) = 0;
};

class ParseThread
{
public:
    ParseThread(Format format, InputStream &in, const ParseOptions &options);
    ~ParseThread(); // stops the parser (if still running) and joins it
    ParseThread(const ParseThread &) = delete;
    ParseThread &operator=(const ParseThread &) = delete;

    // Starts the parser and replays its output into `sink` on the calling thread until the
    // parser is done; then rethrows what the parser threw (FileError, Cancelled...). An
    // exception from `sink` stops the parser and propagates.
    void run(IdentifiedSink &sink);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace srm::importers
