#include "importers/parsethread.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>

namespace srm::importers {

namespace {

constexpr std::size_t kBatchItems = 1024;
constexpr std::size_t kMaxQueued = 4;

struct PageItem
{
    Page page;
    RecordWriter::PageIdentity identity;
};
struct BadRowItem
{
    ParseError error;
};
struct NoteItem
{
    std::string text;
};

using Item = std::variant<Deployment, Change, Incident, PageItem, Slo, SloMeasurement, DebtItem, Ownership, BadRowItem,
                          NoteItem>;

// Batches are recycled and their items assigned in place, so the strings of a record keep
// their capacity from one use to the next instead of being allocated per row.
struct Batch
{
    std::vector<Item> items;
    std::size_t count = 0;
};

// Thrown inside the parser thread when the writer side gave up.
struct Stopped
{
};

} // namespace

struct ParseThread::State : public ImportSink
{
    Format format;
    InputStream &in;
    const ParseOptions &options;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch *> full;
    std::vector<Batch *> spare;
    std::vector<std::unique_ptr<Batch>> batches;
    bool finished = false;
    bool stop = false;
    std::exception_ptr error;
    std::thread thread;
    Batch *current = nullptr; // the parser's

    State(Format f, InputStream &i, const ParseOptions &o) : format(f), in(i), options(o) { }

    Batch *freshBatch() // with the mutex held
    {
        if (!spare.empty()) {
            Batch *b = spare.back();
            spare.pop_back();
            return b;
        }
        batches.push_back(std::make_unique<Batch>());
        batches.back()->items.reserve(kBatchItems);
        return batches.back().get();
    }

    void push()
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return full.size() < kMaxQueued || stop; });
        if (stop)
            throw Stopped();
        full.push_back(current);
        current = freshBatch();
        current->count = 0;
        changed.notify_all();
    }

    template <typename T>
    T &slot()
    {
        if (current->count == current->items.size())
            current->items.emplace_back(std::in_place_type<T>);
        Item &item = current->items[current->count];
        if (!std::holds_alternative<T>(item))
            item.template emplace<T>();
        return std::get<T>(item);
    }

    void added()
    {
        if (++current->count == kBatchItems)
            push();
    }

    // ImportSink, on the parser thread.
    void deployment(const Deployment &d) override
    {
        slot<Deployment>() = d;
        added();
    }
    void change(const Change &c) override
    {
        slot<Change>() = c;
        added();
    }
    void incident(const Incident &i) override
    {
        slot<Incident>() = i;
        added();
    }
    void page(const Page &p) override
    {
        PageItem &item = slot<PageItem>();
        item.page = p;
        RecordWriter::identify(p, item.identity);
        added();
    }
    void slo(const Slo &s) override
    {
        slot<Slo>() = s;
        added();
    }
    void measurement(const SloMeasurement &m) override
    {
        slot<SloMeasurement>() = m;
        added();
    }
    void debtItem(const DebtItem &item) override
    {
        slot<DebtItem>() = item;
        added();
    }
    void ownership(const Ownership &o) override
    {
        slot<Ownership>() = o;
        added();
    }
    void badRow(const ParseError &e) override
    {
        slot<BadRowItem>().error = e;
        added();
    }
    void note(const std::string &text) override
    {
        slot<NoteItem>().text = text;
        added();
    }

    void parserMain()
    {
        std::exception_ptr failure;
        try {
            parse(format, in, options, *this);
            if (current->count > 0)
                push();
        } catch (const Stopped &) {
        } catch (...) {
            failure = std::current_exception();
        }
        std::lock_guard lock(mutex);
        // What was parsed before a failure is still delivered: the writer sees the bad rows in
        // order and then the exception.
        if (failure && current && current->count > 0 && !stop)
            full.push_back(current);
        current = nullptr;
        error = failure;
        finished = true;
        changed.notify_all();
    }

    void replay(const Batch &b, IdentifiedSink &sink)
    {
        for (std::size_t i = 0; i < b.count; ++i) {
            std::visit(
                [&sink](const auto &v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, Deployment>)
                        sink.deployment(v);
                    else if constexpr (std::is_same_v<T, Change>)
                        sink.change(v);
                    else if constexpr (std::is_same_v<T, Incident>)
                        sink.incident(v);
                    else if constexpr (std::is_same_v<T, PageItem>)
                        sink.identifiedPage(v.page, v.identity);
                    else if constexpr (std::is_same_v<T, Slo>)
                        sink.slo(v);
                    else if constexpr (std::is_same_v<T, SloMeasurement>)
                        sink.measurement(v);
                    else if constexpr (std::is_same_v<T, DebtItem>)
                        sink.debtItem(v);
                    else if constexpr (std::is_same_v<T, Ownership>)
                        sink.ownership(v);
                    else if constexpr (std::is_same_v<T, BadRowItem>)
                        sink.badRow(v.error);
                    else
                        sink.note(v.text);
                },
                b.items[i]);
        }
    }

    void stopAndJoin()
    {
        {
            std::lock_guard lock(mutex);
            stop = true;
            changed.notify_all();
        }
        if (thread.joinable())
            thread.join();
    }
};

ParseThread::ParseThread(Format format, InputStream &in, const ParseOptions &options)
    : m_state(std::make_unique<State>(format, in, options))
{
}

ParseThread::~ParseThread()
{
    m_state->stopAndJoin();
}

void ParseThread::run(IdentifiedSink &sink)
{
    State &s = *m_state;
    {
        std::lock_guard lock(s.mutex);
        s.current = s.freshBatch();
        s.current->count = 0;
    }
    s.thread = std::thread([&s] { s.parserMain(); });
    try {
        for (;;) {
            Batch *b = nullptr;
            {
                std::unique_lock lock(s.mutex);
                s.changed.wait(lock, [&] { return !s.full.empty() || s.finished; });
                if (s.full.empty())
                    break;
                b = s.full.front();
                s.full.pop_front();
                s.changed.notify_all();
            }
            s.replay(*b, sink);
            std::lock_guard lock(s.mutex);
            s.spare.push_back(b);
        }
    } catch (...) {
        s.stopAndJoin();
        throw;
    }
    s.thread.join();
    if (s.error)
        std::rethrow_exception(s.error);
}

} // namespace srm::importers
