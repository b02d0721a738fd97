// Writing export files safely: every file goes through QSaveFile (written aside and renamed into
// place on commit), so a failed or interrupted export never leaves a half-written file, and an
// existing file is replaced only by a complete one. Failures throw ExportError, whose message
// names the file and the reason (the command line reports it with exit code 1).
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <stdexcept>

class QIODevice;

namespace srm::report {

class ExportError : public std::runtime_error
{
public:
    explicit ExportError(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) {}
    QString message() const { return m_message; }

private:
    QString m_message;
};

// Opens `path` through QSaveFile, lets `write` fill it, and commits. Nothing is left at `path`
// (nor changed there) when opening, `write` (by throwing) or the commit fails.
void saveFile(const QString &path, const std::function<void(QIODevice &)> &write);
void saveFile(const QString &path, const QByteArray &bytes);

} // namespace srm::report
