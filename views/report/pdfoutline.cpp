#include "views/report/pdfoutline.h"

#include "views/report/exportfile.h"

#include <QCoreApplication>

#include <podofo/podofo.h>

namespace srm::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Pdf", text);
}

PoDoFo::PdfString pdfString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8 *>(utf8.constData()),
                             PoDoFo::pdf_long(utf8.size()));
}

QString errorText(const PoDoFo::PdfError &e)
{
    const char *name = PoDoFo::PdfError::ErrorName(e.GetError());
    return QString::fromLatin1(name ? name : "unknown PoDoFo error");
}

// PoDoFo writes its debug and log messages to standard output, where `report --pdf -` writes the
// PDF: silence them (errors still arrive as exceptions).
void quietPodofo()
{
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
}

} // namespace

QByteArray withOutline(const QByteArray &pdf, const std::vector<OutlineEntry> &entries)
{
    if (entries.empty())
        return pdf;
    quietPodofo();
    try {
        PoDoFo::PdfMemDocument doc;
        doc.LoadFromBuffer(pdf.constData(), long(pdf.size()), true);
        PoDoFo::PdfOutlines *outlines = doc.GetOutlines(true);
        PoDoFo::PdfOutlineItem *item = nullptr;
        for (const OutlineEntry &e : entries) {
            if (e.page < 0 || e.page >= doc.GetPageCount())
                continue;
            const PoDoFo::PdfDestination dest(doc.GetPage(e.page), PoDoFo::ePdfDestinationFit_Fit);
            if (!item) {
                item = outlines->CreateRoot(pdfString(e.title));
                item->SetDestination(dest);
            } else {
                item = item->CreateNext(pdfString(e.title), dest);
            }
        }
        doc.SetPageMode(PoDoFo::ePdfPageModeUseBookmarks);
        PoDoFo::PdfRefCountedBuffer buffer;
        PoDoFo::PdfOutputDevice device(&buffer);
        doc.WriteUpdate(&device, true);
        return QByteArray(buffer.GetBuffer(), qsizetype(device.GetLength()));
    } catch (const PoDoFo::PdfError &e) {
        throw ExportError(tr("cannot add the outline to the PDF: %1").arg(errorText(e)));
    }
}

std::vector<OutlineEntry> readOutline(const QByteArray &pdf)
{
    std::vector<OutlineEntry> out;
    quietPodofo();
    try {
        PoDoFo::PdfMemDocument doc;
        doc.LoadFromBuffer(pdf.constData(), long(pdf.size()));
        PoDoFo::PdfOutlines *outlines = doc.GetOutlines(false);
        if (!outlines)
            return out;
        for (PoDoFo::PdfOutlineItem *item = outlines->First(); item; item = item->Next()) {
            OutlineEntry e;
            e.title = QString::fromStdString(item->GetTitle().GetStringUtf8());
            e.page = -1;
            if (PoDoFo::PdfDestination *dest = item->GetDestination(&doc))
                if (PoDoFo::PdfPage *page = dest->GetPage(&doc))
                    e.page = int(page->GetPageNumber()) - 1;
            out.push_back(e);
        }
    } catch (const PoDoFo::PdfError &e) {
        throw ExportError(tr("cannot read the PDF's outline: %1").arg(errorText(e)));
    }
    return out;
}

} // namespace srm::report
