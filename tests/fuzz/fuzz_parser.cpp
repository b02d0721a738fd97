// libFuzzer target for one import parser (SRM_FUZZ_FORMAT names it) or, without it, for format
// detection. Whatever the bytes, a parser either produces records and bad rows or stops with a
// FileError; anything else (a crash, a sanitizer report, an unexpected exception) is a bug.
// Inputs that once failed are kept in tests/fixtures/fuzz/ and replayed by tst_fuzzregressions.
#include "importers/importformat.h"
#include "importers/inputstream.h"
#include "importers/parser.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

namespace {

class NullSink : public srm::importers::ImportSink
{
public:
    void deployment(const srm::Deployment &) override { }
    void change(const srm::Change &) override { }
    void incident(const srm::Incident &) override { }
    void page(const srm::Page &) override { }
    void slo(const srm::Slo &) override { }
    void measurement(const srm::SloMeasurement &) override { }
    void debtItem(const srm::DebtItem &) override { }
    void badRow(const srm::importers::ParseError &) override { }
    void note(const std::string &) override { }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace srm::importers;
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
#ifdef SRM_FUZZ_FORMAT
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    InputStream in(buffer);
    NullSink sink;
    ParseOptions options;
    options.sloName = "fuzz";
    options.series = Series::Good;
    try {
        parse(Format::SRM_FUZZ_FORMAT, in, options, sink);
    } catch (const FileError &) {
    }
#else
    detectFormat(bytes);
#endif
    return 0;
}
