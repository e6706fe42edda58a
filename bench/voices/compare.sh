#!/usr/bin/env bash
# Compares the offline voices that Debian's packages offer: each voice speaks bench/voices/passage.txt, pocketsphinx
# (the en-us model) transcribes the audio, and the table reports word error rate against the passage, speaking rate
# (words per minute of audio), synthesis speed (seconds of audio per second of work) and the output sample rate.
# Deterministic: the same packages give the same table. Needs: espeak-ng flite festival festvox-us-slt-hts
# festvox-kallpc16k festvox-kdlpc16k pocketsphinx pocketsphinx-en-us sox bc (apt-get install ...).
# Usage: bench/voices/compare.sh [OUT_DIR]   (prints a Markdown table; audio and transcripts stay in OUT_DIR)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-${TMPDIR:-/tmp}/podcastfactory-voices}"
mkdir -p "$out"
passage="$here/passage.txt"
model=/usr/share/pocketsphinx/model/en-us
for tool in espeak-ng flite text2wave pocketsphinx_continuous sox soxi python3 bc; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install espeak-ng flite festival festvox-us-slt-hts festvox-kallpc16k festvox-kdlpc16k pocketsphinx pocketsphinx-en-us sox bc" >&2; exit 3; }
done

# id|engine command (reads the passage from $passage, writes $wav)
voices=(
  "espeak-ng:en-us|espeak-ng -v en-us -s 165 -w \"\$wav\" -f \"\$passage\""
  "espeak-ng:en-us+m3|espeak-ng -v en-us+m3 -s 165 -w \"\$wav\" -f \"\$passage\""
  "espeak-ng:en-us+f3|espeak-ng -v en-us+f3 -s 165 -w \"\$wav\" -f \"\$passage\""
  "espeak-ng:en-gb+m1|espeak-ng -v en-gb+m1 -s 165 -w \"\$wav\" -f \"\$passage\""
  "espeak-ng:en-us+f3 -s 150|espeak-ng -v en-us+f3 -s 150 -w \"\$wav\" -f \"\$passage\""
  "flite:slt|flite -voice slt -f \"\$passage\" -o \"\$wav\""
  "flite:rms|flite -voice rms -f \"\$passage\" -o \"\$wav\""
  "flite:awb|flite -voice awb -f \"\$passage\" -o \"\$wav\""
  "flite:kal16|flite -voice kal16 -f \"\$passage\" -o \"\$wav\""
  "flite:kal|flite -voice kal -f \"\$passage\" -o \"\$wav\""
  "festival:cmu_us_slt_arctic_hts|text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o \"\$wav\" \"\$passage\""
  "festival:kal_diphone|text2wave -eval '(voice_kal_diphone)' -o \"\$wav\" \"\$passage\""
  "festival:ked_diphone|text2wave -eval '(voice_ked_diphone)' -o \"\$wav\" \"\$passage\""
)

echo "| voice | WER | words per minute | synthesis x real time | sample rate |"
echo "|---|---:|---:|---:|---:|"
for entry in "${voices[@]}"; do
  id="${entry%%|*}"; cmd="${entry#*|}"
  name="$(echo "$id" | tr ':+ ' '__-')"
  wav="$out/$name.wav"; rec="$out/$name.16k.wav"; hyp="$out/$name.txt"
  start=$(date +%s.%N)
  eval "$cmd" >/dev/null 2>&1
  end=$(date +%s.%N)
  sox "$wav" -r 16000 -c 1 -b 16 "$rec"
  pocketsphinx_continuous -infile "$rec" -hmm "$model/en-us" -lm "$model/en-us.lm.bin" \
    -dict "$model/cmudict-en-us.dict" -logfn /dev/null 2>/dev/null | tr '\n' ' ' > "$hyp"
  read -r wer words < <(python3 "$here/wer.py" "$passage" "$hyp")
  seconds=$(soxi -D "$wav"); rate=$(soxi -r "$wav")
  printf '| %s | %.1f %% | %.0f | %.1f | %s Hz |\n' "$id" "$(echo "$wer*100" | bc -l)" \
    "$(echo "$words*60/$seconds" | bc -l)" "$(echo "$seconds/($end-$start)" | bc -l)" "$rate"
done
