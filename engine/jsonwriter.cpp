#include "engine/jsonwriter.h"

#include "store/texthygiene.h"

#include <QLocale>

#include <cmath>

namespace srm {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    if (!m_levels.back().first)
        m_out += ',';
    m_levels.back().first = false;
}

void JsonWriter::open(char c)
{
    separate();
    m_out += c;
    m_levels.emplace_back();
}

void JsonWriter::close(char c)
{
    Q_ASSERT(!m_levels.empty() && !m_afterKey);
    m_levels.pop_back();
    m_out += c;
}

void JsonWriter::key(std::string_view name)
{
    Q_ASSERT(!m_levels.empty() && !m_afterKey);
#ifndef QT_NO_DEBUG
    // QJsonObject keeps its keys sorted; writing them in another order would give another text.
    Level &level = m_levels.back();
    Q_ASSERT_X(level.first || std::string_view(level.lastKey) < name, "JsonWriter::key", "keys out of order");
    level.lastKey.assign(name);
#endif
    separate();
    string(name);
    m_out += ':';
    m_afterKey = true;
}

void JsonWriter::value(double v)
{
    separate();
    // QJsonValue(double) keeps a whole number within ±2^53 as an integer (Qt's convertDoubleTo
    // without precision upgrade), and QJsonDocument writes other finite numbers with
    // QByteArray::number(v, 'g', QLocale::FloatingPointShortest), non-finite ones as null.
    constexpr double kExact = double(std::int64_t(1) << 53);
    if (!std::isfinite(v))
        m_out += "null";
    else if (v == std::trunc(v) && v <= kExact && v >= -(kExact + 1))
        m_out += QByteArray::number(std::int64_t(v));
    else
        m_out += QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

void JsonWriter::value(std::int64_t v)
{
    separate();
    m_out += QByteArray::number(qint64(v));
}

void JsonWriter::value(bool v)
{
    separate();
    m_out += v ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_out += "null";
}

void JsonWriter::value(const QString &v)
{
    separate();
    const QByteArray utf8 = v.toUtf8();
    string(std::string_view(utf8.constData(), size_t(utf8.size())));
}

void JsonWriter::value(std::string_view utf8)
{
    separate();
    string(utf8);
}

void JsonWriter::string(std::string_view s)
{
    m_out += '"';
    std::size_t copied = 0;
    auto flush = [&](std::size_t upTo) {
        m_out.append(s.data() + copied, qsizetype(upTo - copied));
        copied = upTo + 1;
    };
    static const char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            continue;
        if (c >= 0x80) {
            // Valid JSON whatever the workspace holds, and nothing a terminal would act on:
            // invalid UTF-8 becomes U+FFFD, the C1 controls are escaped
            // (docs/hostile-input.md#text).
            char32_t cp = 0;
            const std::size_t length = hygiene::utf8At(s, i, &cp);
            if (length > 0 && cp > 0x9f) {
                i += length - 1;
                continue;
            }
            flush(i);
            if (length == 0) {
                m_out += "\\ufffd";
            } else {
                const char escape[] = {'\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 0xf]};
                m_out.append(escape, 6);
                copied = i + length;
                i += length - 1;
            }
            continue;
        }
        flush(i);
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            m_out.append(escape, 6);
        }
        }
    }
    flush(s.size());
    m_out += '"';
}

} // namespace srm
