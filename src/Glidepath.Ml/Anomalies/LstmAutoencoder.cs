using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Glidepath.Ml.Anomalies;

/// <summary>
/// The network (docs/anomalies.md, "The model"): an LSTM encoder reads a window of W standardised
/// values and keeps its last hidden state (H numbers); that state, repeated W times, drives an LSTM
/// decoder whose outputs a linear layer maps back to one value per step. Trained to reproduce its
/// input, it learns the shape of ordinary windows and reproduces unusual ones badly.
/// </summary>
internal sealed class LstmAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly LSTM encoder;
    private readonly LSTM decoder;
    private readonly Linear output;

    public LstmAutoencoder(int hidden)
        : base("lstm_autoencoder")
    {
        encoder = nn.LSTM(1, hidden, batchFirst: true);
        decoder = nn.LSTM(hidden, hidden, batchFirst: true);
        output = nn.Linear(hidden, 1);
        RegisterComponents();
    }

    /// <summary><paramref name="input"/>: [batch, W, 1]; returns the reconstruction, same shape.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (_, h, _) = encoder.call(input, null);
        var code = h.select(0, -1); // [batch, H]: the last layer's final hidden state
        var repeated = code.unsqueeze(1).expand(input.shape[0], input.shape[1], code.shape[1]);
        var (decoded, _, _) = decoder.call(repeated, null);
        return output.call(decoded).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            decoder.Dispose();
            output.Dispose();
        }

        base.Dispose(disposing);
    }
}
