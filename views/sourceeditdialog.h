// The form behind File › Sources… › Add and Edit (docs/sources.md): a source's kind, name, URL,
// first-sync start, token (typed once, stored in the desktop keychain by the caller, never in
// the workspace) or the environment variable that holds it, and the kind's own options
// (Prometheus SLOs and their queries, GitHub repository, GitLab project, environment,
// service). It checks the definition with the same rules as `source add` before accepting.
#pragma once

#include "store/sourcestore.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace srm {

class SourceEditDialog : public QDialog
{
    Q_OBJECT

public:
    // nullopt: a new source; else the source to edit (its kind and name stay).
    explicit SourceEditDialog(const std::optional<SourceDefinition> &existing, QWidget *parent = nullptr);

    SourceDefinition definition() const;
    QString token() const; // typed in the token field; empty: none typed (editing: keep the stored one)

    // Why the form cannot be accepted, or empty.
    QString problem() const;

public slots:
    void accept() override;

private:
    void kindChanged();
    void addSloRow(const QString &name = {}, const QString &good = {}, const QString &bad = {},
                   const QString &total = {});

    std::optional<SourceDefinition> m_existing;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlHint = nullptr;
    QLineEdit *m_since = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_tokenEnv = nullptr;
    QList<QWidget *> m_pages; // by kind, one shown
    QLineEdit *m_step = nullptr;
    QTableWidget *m_slos = nullptr;
    QLineEdit *m_repo = nullptr;
    QLineEdit *m_ghEnvironment = nullptr;
    QLineEdit *m_ghService = nullptr;
    QLineEdit *m_project = nullptr;
    QLineEdit *m_glEnvironment = nullptr;
    QLineEdit *m_glService = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace srm
