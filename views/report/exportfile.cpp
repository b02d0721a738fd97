#include "views/report/exportfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace srm::report {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Export", text);
}
} // namespace

void saveFile(const QString &path, const std::function<void(QIODevice &)> &write)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw ExportError(tr("cannot write %1: %2").arg(shown, file.errorString()));
    write(file); // a throw abandons the temporary file (QSaveFile's destructor removes it)
    if (file.error() != QFileDevice::NoError) {
        const QString reason = file.errorString();
        file.cancelWriting();
        throw ExportError(tr("cannot write %1: %2").arg(shown, reason));
    }
    if (!file.commit())
        throw ExportError(tr("cannot write %1: %2").arg(shown, file.errorString()));
}

void saveFile(const QString &path, const QByteArray &bytes)
{
    saveFile(path, [&](QIODevice &out) {
        if (out.write(bytes) != bytes.size())
            throw ExportError(tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    });
}

} // namespace srm::report
