// srm::Error: the one base of every exception that carries a message for the user
// (WorkspaceError, InputError, importers' FileError and Cancelled, report::ExportError,
// sources::SyncError, cli::UsageError). Code that only reports a failure catches Error; code that
// decides an exit code asks app/exitcodes.h, the one place where each kind maps to a code
// (docs/hostile-input.md#exit-codes).
#pragma once

#include <QString>

#include <stdexcept>

namespace srm {

class Error : public std::runtime_error
{
public:
    explicit Error(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) { }
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace srm
