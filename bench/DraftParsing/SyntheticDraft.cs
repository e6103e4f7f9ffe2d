using System.Text;

namespace Nq45Consult.Bench.DraftParsing;

/// <summary>A legal-style draft of an exact section count, shaped like the real ones (chapters › articles › clauses › points).</summary>
public static class SyntheticDraft
{
    private const string Sentence = "Cơ quan chủ trì soạn thảo có trách nhiệm tổng hợp, tiếp thu, giải trình ý kiến góp ý của các nhà khoa học, chuyên gia và công khai trên cổng thông tin điện tử";

    public static string WithSections(int count)
    {
        var markdown = new StringBuilder();
        var written = 0;
        for (var chapter = 1; written < count; chapter++)
        {
            markdown.Append($"## Chương {chapter}. QUY ĐỊNH NHÓM {chapter}\n\n");
            written++;
            for (var article = 1; article <= 20 && written < count; article++)
            {
                markdown.Append($"### Điều {(chapter * 100) + article}. Nội dung điều {article}\n\n");
                written++;
                for (var clause = 1; clause <= 4 && written < count; clause++)
                {
                    markdown.Append($"{clause}. {Sentence} (khoản {clause}):\n\n");
                    written++;
                    for (var point = 'a'; point <= 'c' && written < count; point++)
                    {
                        markdown.Append($"   {point}) {Sentence}, **điểm {point}** theo [quy định](https://example.vn/{chapter}/{article});\n\n");
                        written++;
                    }
                }
            }
        }

        return markdown.ToString();
    }
}
