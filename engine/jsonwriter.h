// Writes JSON text straight into a byte buffer, for documents too large to build as QJsonObject
// first (`alerts --json` of a large workspace lists tens of thousands of groups: building and
// serialising the QJsonObject tree took 45% of the command, writing the text directly 3%).
// The text is byte for byte what QJsonDocument::toJson(Compact) writes for the same values, so
// either can produce a document: keys are written in the order given, which must be QJsonObject's
// (byte order; checked in debug builds), numbers as QJsonValue(double) writes them (whole numbers
// up to 2^53 as integers, others in the shortest form that reads back exactly, non-finite as
// null), strings as UTF-8 with Qt's escapes.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace srm {

class JsonWriter
{
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    // The next member's name; keys of one object must come in ascending byte order.
    void key(std::string_view name);

    void value(double v);
    void value(std::int64_t v);
    void value(int v) { value(std::int64_t(v)); }
    void value(bool v);
    void value(const QString &v);
    void value(std::string_view utf8);
    void value(const char *utf8) { value(std::string_view(utf8)); }
    void null();
    template <typename T>
    void value(const std::optional<T> &v)
    {
        if (v)
            value(*v);
        else
            null();
    }

    // A member: key(name) then value(v).
    template <typename T>
    void member(std::string_view name, const T &v)
    {
        key(name);
        value(v);
    }

    const QByteArray &text() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    void open(char c);
    void close(char c);
    void separate();
    void string(std::string_view utf8);

    QByteArray m_out;
    struct Level
    {
        bool first = true;
        std::string lastKey;
    };
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace srm
