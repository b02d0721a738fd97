// Help › Handbook (F1): the project's own reference in the window. The topics are the files of
// docs/ themselves, compiled into the program as Qt resources under :/docs (app/CMakeLists.txt),
// so the glossary a user reads here is the same text as docs/metrics.md, not a copy that could
// drift. Each topic is rendered from Markdown by a QTextBrowser; links between the documents
// (metrics.md → intervals-and-progress.md) follow inside the dialog. The command line topic is
// the text `sre-roadmap --help` prints.
#pragma once

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace srm {

class HandbookDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HandbookDialog(QWidget *parent = nullptr);

    // Topic names in list order; the id is the file name in docs/ ("metrics.md") or
    // "command-line".
    static QStringList topicIds();
    void showTopic(const QString &id);
    QString currentTopic() const;
    QTextBrowser *browser() const { return m_browser; }

private:
    QListWidget *m_topics;
    QTextBrowser *m_browser;
};

} // namespace srm
